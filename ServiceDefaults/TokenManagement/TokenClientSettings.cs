using Microsoft.Extensions.Configuration;

namespace ShopAuthDemo.ServiceDefaults.TokenManagement;

// "Identity": { "Authority": "http://localhost:5080/realms/shop", "ClientId": "orders-api", "ClientSecret": "…" }: a service's
// client (client credentials, token exchange), or a web app's (shop-web: code flow, refresh, revocation).
// The secret comes from user secrets or the AppHost's parameters, never from appsettings.json.
public sealed record TokenClientSettings(string Authority, string ClientId, string ClientSecret)
{
    public const string SectionName = "Identity";

    public static TokenClientSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        return new(
            section.GetRequiredValue("Authority").TrimEnd('/'),
            section.GetRequiredValue("ClientId"),
            section.GetRequiredValue("ClientSecret"));
    }

    // A record prints all its members; this one must never print the secret into a log or exception.
    public override string ToString() => $"{nameof(TokenClientSettings)} {{ Authority = {Authority}, ClientId = {ClientId} }}";
}
