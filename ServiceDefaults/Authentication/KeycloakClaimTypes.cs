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

    // Not emitted by Keycloak: the type of the role claims we derive from realm_access.roles.
    public const string Role = "role";
}
