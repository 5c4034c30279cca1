namespace ShopAuthDemo.ServiceDefaults.Authentication;

// Claim names exactly as they appear in a Keycloak access token (inbound mapping is off).
public static class KeycloakClaimTypes
{
    public const string Subject = "sub";
    public const string PreferredUsername = "preferred_username";
    public const string AuthorizedParty = "azp";
    public const string Audience = "aud";
    public const string Scope = "scope";
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
