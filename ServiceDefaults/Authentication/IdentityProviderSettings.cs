using Microsoft.Extensions.Configuration;

namespace ShopAuthDemo.ServiceDefaults.Authentication;

// "Identity": { "Authority": "http://localhost:8080/realms/shop", "Audience": "catalog-api" }
// An edge that fronts several APIs lists them instead: "Audiences": [ "catalog-api", "orders-api" ].
public sealed record IdentityProviderSettings(string Authority, IReadOnlyList<string> Audiences)
{
    public const string SectionName = "Identity";

    public static IdentityProviderSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var audiences = section.GetSection("Audiences").GetChildren()
            .Select(audience => audience.Value)
            .Where(audience => !string.IsNullOrWhiteSpace(audience))
            .Select(audience => audience!)
            .ToList();

        return new(
            // Keycloak's issuer never ends in a slash; trimming keeps the pinned issuer exact.
            section.GetRequiredValue("Authority").TrimEnd('/'),
            audiences.Count > 0 ? audiences : [section.GetRequiredValue("Audience")]);
    }
}
