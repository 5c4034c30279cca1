using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ShopAuthDemo.ServiceDefaults.Authentication;

// Keycloak's two role claims, which share one shape for their roles:
//   "realm_access":    { "roles": ["customer", "admin"] }
//   "resource_access": { "catalog-api": { "roles": ["price-quotes"] } }
// Anything else yields no roles instead of an exception: a surprising token must end in 401/403,
// never in a 500 from the authentication pipeline.
internal static class KeycloakRoleClaims
{
    public static IReadOnlyList<string> ReadRealmRoles(Claim realmAccess) =>
        ReadJson(realmAccess, Roles);

    // Only the roles of the named client: "price-quotes" granted on another client means nothing here.
    public static IReadOnlyList<string> ReadClientRoles(Claim resourceAccess, string clientId) =>
        ReadJson(resourceAccess, root =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(clientId, out var client)
                ? Roles(client)
                : []);

    private static IReadOnlyList<string> ReadJson(Claim claim, Func<JsonElement, IReadOnlyList<string>> read)
    {
        // A plain string that merely looks like JSON is not the object the IdP signed.
        if (claim.ValueType != JsonClaimValueTypes.Json)
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(claim.Value);
            return read(document.RootElement);
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static IReadOnlyList<string> Roles(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("roles", out var roles)
            || roles.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return roles.EnumerateArray()
            .Where(role => role.ValueKind == JsonValueKind.String)
            .Select(role => role.GetString()!)
            .Where(role => !string.IsNullOrWhiteSpace(role))
            .ToList();
    }
}
