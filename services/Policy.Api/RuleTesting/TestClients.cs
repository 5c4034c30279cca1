namespace ShopAuthDemo.Policy.Api.RuleTesting;

// "Policy": { "TestClients": [ "orders-api", "partner-acme", "shop-web", "backoffice-web" ] } — the clients
// an admin can test as. A client has no directory entry to look up, so the list is configuration.
public sealed class TestClients(IReadOnlyList<string> clientIds)
{
    public const string SectionName = "Policy:TestClients";

    private static readonly string[] Defaults = ["orders-api", "partner-acme", "shop-web", "backoffice-web"];

    public IReadOnlyList<string> ClientIds { get; } = clientIds;

    public static TestClients From(IConfiguration configuration) =>
        new(configuration.GetSection(SectionName).Get<string[]>() is { Length: > 0 } configured ? configured : Defaults);

    public bool Contains(string? clientId) => clientId is not null && ClientIds.Contains(clientId, StringComparer.Ordinal);
}
