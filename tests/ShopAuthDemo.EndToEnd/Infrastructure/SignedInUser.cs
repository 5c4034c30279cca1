using System.Net;
using System.Net.Http.Headers;
using ShopAuthDemo.Testing;

namespace ShopAuthDemo.EndToEnd.Infrastructure;

public static class SignedInUser
{
    /// <summary>
    /// Signs a dev user in to shop-web's client the way the browser and shop-web will (code + PKCE, the
    /// identity provider's real login page), and returns the user's access token.
    /// </summary>
    public static async Task<string> SignInAsync(this AppHostFixture appHost, string username, string scope,
        CancellationToken cancellationToken)
    {
        var identityProvider = appHost.CreateHttpClient(appHost.IdentityProviderResource).BaseAddress!;
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = identityProvider,
        };
        var flow = new OidcBrowserFlow(browser, "shop-web", "http://localhost:7100/signin-oidc");
        var tokens = await flow.SignInAsync(username,
            await appHost.GetParameterValueAsync("dev-user-password", cancellationToken),
            await appHost.GetParameterValueAsync("shop-web-client-secret", cancellationToken),
            scope);
        return tokens.GetProperty("access_token").GetString()!;
    }

    public static HttpClient WithBearer(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
