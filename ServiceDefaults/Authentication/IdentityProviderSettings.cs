using Microsoft.Extensions.Configuration;

namespace ShopAuthDemo.ServiceDefaults.Authentication;

// "Identity": { "Authority": "http://localhost:8080/realms/shop", "Audience": "catalog-api" }
public sealed record IdentityProviderSettings(string Authority, string Audience)
{
    public const string SectionName = "Identity";

    public static IdentityProviderSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        return new(
            // Keycloak's issuer never ends in a slash; trimming keeps the pinned issuer exact.
            section.GetRequiredValue("Authority").TrimEnd('/'),
            section.GetRequiredValue("Audience"));
    }
}
