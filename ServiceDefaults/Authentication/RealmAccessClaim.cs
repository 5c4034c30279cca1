using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ShopAuthDemo.ServiceDefaults.Authentication;

// Keycloak's shape: "realm_access": { "roles": ["customer", "admin"] }
public static class RealmAccessClaim
{
    // Anything else yields no roles instead of an exception: a surprising token must end in
    // 401/403, never in a 500 from the authentication pipeline.
    public static IReadOnlyList<string> ReadRoles(Claim claim)
    {
        // A plain string that merely looks like JSON is not the object the IdP signed as realm_access.
        if (claim.ValueType != JsonClaimValueTypes.Json)
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(claim.Value);
            return RolesObject.Read(document.RootElement);
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
