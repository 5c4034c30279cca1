using Microsoft.Extensions.Configuration;

namespace ShopAuthDemo.Web.Authentication.Configuration;

// "Identity": { "Authority": "http://localhost:8080/realms/shop", "ClientId": "shop-web", "ClientSecret": "…" }
// The secret comes from the AppHost's parameters or user secrets, never from appsettings.json.
public sealed record WebClientSettings(string Authority, string ClientId, string ClientSecret)
{
    public const string SectionName = "Identity";

    public static WebClientSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        return new(
            // Keycloak's issuer never ends in a slash.
            section.GetRequiredValue("Authority").TrimEnd('/'),
            section.GetRequiredValue("ClientId"),
            section.GetRequiredValue("ClientSecret"));
    }

    // A record prints all its members; this one must never print the secret into a log.
    public override string ToString() => $"{nameof(WebClientSettings)} {{ Authority = {Authority}, ClientId = {ClientId} }}";
}
