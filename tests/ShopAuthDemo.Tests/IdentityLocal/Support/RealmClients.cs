using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using ShopAuthDemo.Testing;
using static ShopAuthDemo.Tests.IdentityLocal.Support.LocalIdentityProviderFactory;

namespace ShopAuthDemo.Tests.IdentityLocal.Support;

/// <summary>Signs a user in through one of the realm's browser clients, each with its own redirect URI and secret.</summary>
public static class RealmClients
{
    public static string RedirectUri(string clientId) => clientId switch
    {
        "shop-web" => ShopWebUrl + "/signin-oidc",
        "backoffice-web" => BackofficeWebUrl + "/signin-oidc",
        "api-explorer" => GatewayUrl + "/scalar/",
        _ => throw new ArgumentOutOfRangeException(nameof(clientId), clientId, "not a browser client of the realm"),
    };

    public static string Secret(string clientId) => clientId switch
    {
        "shop-web" => Secrets["SHOP_WEB_CLIENT_SECRET"],
        "backoffice-web" => Secrets["BACKOFFICE_WEB_CLIENT_SECRET"],
        _ => throw new ArgumentOutOfRangeException(nameof(clientId), clientId, "not a confidential browser client"),
    };

    /// <summary>Code + PKCE in a fresh browser, as a confidential web app redeems it; returns the token response.</summary>
    public static Task<JsonElement> SignInAsync(LocalIdentityProviderFactory idp, string clientId, string username,
        string password, string scope = "openid profile email orders") =>
        new OidcBrowserFlow(idp.CreateBrowser(), clientId, RedirectUri(clientId)).SignInAsync(username, password, Secret(clientId), scope);

    /// <summary>The API explorer page's access token: a public client redeems its code with the PKCE verifier only.</summary>
    public static async Task<JsonWebToken> ExplorerAccessTokenAsync(LocalIdentityProviderFactory idp, string username, string password,
        string scope = "openid orders")
    {
        var flow = new OidcBrowserFlow(idp.CreateBrowser(), "api-explorer", RedirectUri("api-explorer"));
        var code = await flow.GetCodeAsync(username, password, scope);
        var response = await TokenRequests.PostAsync(idp.CreateClient(), ("grant_type", "authorization_code"), ("code", code),
            ("redirect_uri", RedirectUri("api-explorer")), ("client_id", "api-explorer"), ("code_verifier", flow.Pkce.Verifier));
        return await TokenRequests.AccessTokenAsync(response);
    }
}
