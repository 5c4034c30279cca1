using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ShopAuthDemo.ServiceDefaults.Authentication;

// Keycloak's shape for client roles: "resource_access": { "catalog-api": { "roles": ["price-quotes"] } }
public static class ResourceAccessClaim
{
    // Only the roles of the named client: "price-quotes" granted on another client means nothing here.
    public static IReadOnlyList<string> ReadRoles(Claim claim, string clientId)
    {
        // As with realm_access: a string that merely looks like JSON is not what the IdP signed.
        if (claim.ValueType != JsonClaimValueTypes.Json)
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(claim.Value);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty(clientId, out var client)
                ? RolesObject.Read(client)
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
