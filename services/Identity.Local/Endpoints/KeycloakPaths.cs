namespace ShopAuthDemo.Identity.Local.Endpoints;

/// <summary>
/// Keycloak's URL layout for one realm, so clients configured for Keycloak work unchanged. One process serves
/// one realm: "shop", or "northwind" for the company identity provider the shop federates with.
/// </summary>
public sealed class KeycloakPaths(string realmName)
{
    public string Realm { get; } = "/realms/" + realmName;
    public string Discovery => Realm + "/.well-known/openid-configuration";
    public string Authorize => Realm + "/protocol/openid-connect/auth";
    public string Token => Realm + "/protocol/openid-connect/token";
    public string UserInfo => Realm + "/protocol/openid-connect/userinfo";
    public string Logout => Realm + "/protocol/openid-connect/logout";
    public string Certs => Realm + "/protocol/openid-connect/certs";
    public string Revoke => Realm + "/protocol/openid-connect/revoke";
    public string Introspect => Realm + "/protocol/openid-connect/token/introspect";
    public string Login => Realm + "/login-actions/authenticate";
    public string Status => Realm + "/login-actions/status";
    public string AdminRealm => "/admin" + Realm;

    /// <summary>Where the browser starts signing in with another identity provider (identity brokering).</summary>
    public string BrokerLogin(string alias) => $"{Realm}/broker/{alias}/login";

    /// <summary>The broker's redirect URI at that identity provider, as Keycloak names it.</summary>
    public string BrokerEndpoint(string alias) => $"{Realm}/broker/{alias}/endpoint";

    /// <summary>Where that identity provider sends the browser back after signing it out.</summary>
    public string BrokerLogoutResponse(string alias) => BrokerEndpoint(alias) + "/logout_response";
}
