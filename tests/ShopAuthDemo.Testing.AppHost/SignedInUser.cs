using System.Net;
using System.Net.Http.Headers;

namespace ShopAuthDemo.Testing.AppHost;

public static class SignedInUser
{
    /// <summary>
    /// Signs a dev user in to shop-web's client the way the browser and shop-web will (code + PKCE, the
    /// identity provider's real login page), and returns the user's access token. Its roles are those the
    /// shop may carry (customer).
    /// </summary>
    public static Task<string> SignInAsync(this AppHostFixture appHost, string username, string scope,
        CancellationToken cancellationToken) =>
        appHost.SignInAsync(username, scope, WebClient.Shop, cancellationToken);

    /// <summary>The same, as the back office: the only client whose tokens may carry staff and admin.</summary>
    public static Task<string> SignInToBackofficeAsync(this AppHostFixture appHost, string username, string scope,
        CancellationToken cancellationToken) =>
        appHost.SignInAsync(username, scope, WebClient.Backoffice, cancellationToken);

    private static async Task<string> SignInAsync(this AppHostFixture appHost, string username, string scope,
        WebClient client, CancellationToken cancellationToken)
    {
        var identityProvider = appHost.CreateHttpClient(appHost.IdentityProviderResource).BaseAddress!;
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = identityProvider,
        };
        var flow = new OidcBrowserFlow(browser, client.ClientId, client.RedirectUri);
        var tokens = await flow.SignInAsync(username,
            await appHost.GetParameterValueAsync("dev-user-password", cancellationToken),
            await appHost.GetParameterValueAsync($"{client.ClientId}-client-secret", cancellationToken),
            scope);
        return tokens.GetProperty("access_token").GetString()!;
    }

    private sealed record WebClient(string ClientId, string RedirectUri)
    {
        public static readonly WebClient Shop = new("shop-web", "http://localhost:7100/signin-oidc");
        public static readonly WebClient Backoffice = new("backoffice-web", "http://localhost:7200/signin-oidc");
    }

    public static HttpClient WithBearer(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
