namespace ShopAuthDemo.Identity.Local.Endpoints;

/// <summary>Keycloak's URL layout for realm "shop", so clients configured for Keycloak work unchanged.</summary>
public static class KeycloakPaths
{
    public const string Realm = "/realms/shop";
    public const string Discovery = Realm + "/.well-known/openid-configuration";
    public const string Authorize = Realm + "/protocol/openid-connect/auth";
    public const string Token = Realm + "/protocol/openid-connect/token";
    public const string UserInfo = Realm + "/protocol/openid-connect/userinfo";
    public const string Logout = Realm + "/protocol/openid-connect/logout";
    public const string Certs = Realm + "/protocol/openid-connect/certs";
    public const string Revoke = Realm + "/protocol/openid-connect/revoke";
    public const string Introspect = Realm + "/protocol/openid-connect/token/introspect";
    public const string Login = Realm + "/login-actions/authenticate";
    public const string Status = Realm + "/login-actions/status";
    public const string AdminRealm = "/admin/realms/shop";
}
