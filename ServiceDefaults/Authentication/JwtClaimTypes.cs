namespace ShopAuthDemo.ServiceDefaults.Authentication;

// Standard claim names exactly as they appear in a JWT access token (inbound mapping is off, so
// "sub" stays "sub" instead of becoming ClaimTypes.NameIdentifier). Any OpenID Connect provider
// issues these; Keycloak's own claims are in KeycloakClaimTypes.
public static class JwtClaimTypes
{
    public const string Subject = "sub";
    public const string PreferredUsername = "preferred_username";
    public const string AuthorizedParty = "azp";
    public const string Audience = "aud";
    public const string Scope = "scope";
}
