using System.Net;
using System.Text.Json;
using ShopAuthDemo.Testing.AppHost;
using ShopAuthDemo.Testing;

namespace ShopAuthDemo.EndToEnd.Federation;

/// <summary>dave of Northwind Traders, signed in over HTTP the way a browser does: at Northwind's identity provider.</summary>
public static class NorthwindSignIns
{
    public const string Username = "dave";

    /// <summary>Realm shop's redirect URI at Northwind (client shop-broker), as registered in northwind-realm.json.</summary>
    public static Uri BrokerEndpoint(AppHostFixture appHost) =>
        new(appHost.CreateIdentityProviderClient().BaseAddress!, "/realms/shop/broker/northwind/endpoint");

    /// <summary>A browser: keeps cookies per host, follows no redirect by itself.</summary>
    public static HttpClient NewBrowser(Uri baseAddress) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress };

    /// <summary>dave's tokens from the shop's realm for shop-web, signed in through Northwind (the broker).</summary>
    public static async Task<JsonElement> ShopTokensAsync(AppHostFixture appHost, CancellationToken cancellationToken,
        string scope = "openid profile email orders")
    {
        using var browser = NewBrowser(appHost.CreateIdentityProviderClient().BaseAddress!);
        var flow = new OidcBrowserFlow(browser, "shop-web", "http://localhost:7100/signin-oidc");
        return await flow.SignInAsync(Username, await appHost.GetParameterValueAsync("dev-user-password", cancellationToken),
            await appHost.GetParameterValueAsync("shop-web-client-secret", cancellationToken), scope, identityProvider: "northwind");
    }

    /// <summary>
    /// dave's tokens straight from realm northwind, as the shop's broker gets them (client shop-broker): what an
    /// attacker, or a confused client, could present to the shop's APIs.
    /// </summary>
    public static async Task<JsonElement> NorthwindTokensAsync(AppHostFixture appHost, CancellationToken cancellationToken)
    {
        using var browser = NewBrowser(appHost.CreateHttpClient(appHost.NorthwindResource).BaseAddress!);
        var flow = new OidcBrowserFlow(browser, "shop-broker", BrokerEndpoint(appHost).AbsoluteUri, realm: "northwind");
        return await flow.SignInAsync(Username, await appHost.GetParameterValueAsync("dev-user-password", cancellationToken),
            await appHost.GetParameterValueAsync("northwind-broker-client-secret", cancellationToken), "openid profile email");
    }

    public static string Claim(string jwt, string name)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        var claims = JsonDocument.Parse(Convert.FromBase64String(payload)).RootElement;
        return claims.TryGetProperty(name, out var value) ? value.ToString() : "";
    }
}
