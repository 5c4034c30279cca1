namespace ShopAuthDemo.ServiceDefaults.Authentication;

// Claims only Keycloak (and Identity.Local, which speaks its dialect) puts into a token, and the
// role claim type we derive from one of them. The standard claims are in JwtClaimTypes.
public static class KeycloakClaimTypes
{
    public const string RealmAccess = "realm_access";
    public const string ResourceAccess = "resource_access";

    /// <summary>The realm's mapper of the session note Keycloak sets on a brokered sign-in: which identity provider.</summary>
    public const string IdentityProvider = "identity_provider";

    // The type of the role claims we derive from realm_access.roles, and the RoleClaimType everywhere.
    // Deliberately not "role": a custom mapper or a user attribute can put a top-level "role": "admin"
    // into a token, and with RoleClaimType "role" that alone would pass RequireRole("admin"). No identity
    // provider emits this name, and KeycloakRoleClaimsTransformation drops it if one ever does.
    public const string Role = "shopauthdemo/realm-role";
}
