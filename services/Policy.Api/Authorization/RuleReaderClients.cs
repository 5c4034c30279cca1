namespace ShopAuthDemo.Policy.Api.Authorization;

// "Policy": { "ReaderClients": [ "orders-api", "catalog-api" ] } — the services that decide with the rules
// and fetch them as themselves (client credentials, scope "policies"). The default is this shop's two.
public sealed class RuleReaderClients(IReadOnlySet<string> clientIds)
{
    public const string SectionName = "Policy:ReaderClients";

    private static readonly string[] Defaults = ["orders-api", "catalog-api"];

    public static RuleReaderClients From(IConfiguration configuration)
    {
        var configured = configuration.GetSection(SectionName).Get<string[]>();
        return new((configured is { Length: > 0 } ? configured : Defaults).ToHashSet(StringComparer.Ordinal));
    }

    public bool Contains(string? clientId) => clientId is not null && clientIds.Contains(clientId);
}
