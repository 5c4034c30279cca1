using System.Net;
using System.Text.Json;
using ShopAuthDemo.Testing;
using static ShopAuthDemo.Tests.IdentityLocal.Support.LocalIdentityProviderFactory;

namespace ShopAuthDemo.Tests.Federation.Support;

/// <summary>
/// One browser on two sites: the shop's identity provider (localhost) and Northwind's (northwind.test), each
/// server's cookies kept by its own client. Redirects are followed by hand, so a test can stop at any step.
/// </summary>
public sealed class FederationBrowser(HttpClient shop, HttpClient northwind)
{
    public const string ShopWebRedirect = ShopWebUrl + "/signin-oidc";
    public const string BrokerLoginPath = "/realms/shop/broker/northwind/login";
    public const string BrokerCallback = "http://localhost/realms/shop/broker/northwind/endpoint";
    public const string StatusPath = "/realms/shop/login-actions/status";

    /// <summary>The shop's identity provider, as this browser reaches it.</summary>
    public HttpClient Shop => shop;

    public Task<HttpResponseMessage> GetAsync(Uri url) => ClientFor(url).GetAsync(url);

    public Task<HttpResponseMessage> GetAsync(string url) => GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));

    /// <summary>Follows redirects (a relative one on the site that sent it) until a page is shown or the next one would go to <paramref name="stopAt"/>.</summary>
    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response, string stopAt)
    {
        for (var step = 0; step < 10; step++)
        {
            if (Next(response) is not { } next || next.AbsoluteUri.StartsWith(stopAt, StringComparison.Ordinal)) return response;
            response = await GetAsync(next);
        }
        throw new InvalidOperationException("Too many redirects.");
    }

    /// <summary>Where a redirect sends the browser, as an absolute URL; null when the response is a page.</summary>
    public static Uri? Next(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location
        : new Uri(response.RequestMessage!.RequestUri!, location);

    /// <summary>Shop-web sends the browser to sign in; the shop's login page comes up. Returns that page.</summary>
    public async Task<string> OpenShopLoginPageAsync(OidcBrowserFlow flow)
    {
        var page = await FollowAsync(await shop.GetAsync(flow.AuthorizeUrl()), stopAt: ShopWebRedirect);
        return page.StatusCode == HttpStatusCode.OK
            ? await page.Content.ReadAsStringAsync()
            : throw new InvalidOperationException($"Expected the shop's login page, got {(int)page.StatusCode}.");
    }

    /// <summary>The "Sign in with Northwind Traders" link of a shop login page.</summary>
    public static string NorthwindLink(string loginPage) =>
        OidcBrowserFlow.BrokerLink(loginPage, "northwind") ?? throw new InvalidOperationException("The login page has no 'social-northwind' link.");

    /// <summary>
    /// From the broker's redirect to Northwind: signs in there (when Northwind shows its form) and returns where Northwind
    /// sends the browser back, the shop's broker endpoint with code and state, without going there yet.
    /// </summary>
    public async Task<Uri> SignInAtNorthwindAsync(HttpResponseMessage brokerRedirect, string username, string password)
    {
        var response = await FollowAsync(brokerRedirect, stopAt: BrokerCallback);
        if (response.Headers.Location is null)
            response = await FollowAsync(await SubmitLoginFormAsync(response, username, password), stopAt: BrokerCallback);
        return Next(response) is { } callback && callback.AbsoluteUri.StartsWith(BrokerCallback, StringComparison.Ordinal)
            ? callback
            : throw new InvalidOperationException($"Northwind did not send the browser back: {(int)response.StatusCode}.");
    }

    /// <summary>The shop's broker endpoint takes the browser back; on to shop-web's redirect URI with a code.</summary>
    public async Task<string> FinishAtShopAsync(OidcBrowserFlow flow, Uri callback)
    {
        var response = await FollowAsync(await GetAsync(callback), stopAt: ShopWebRedirect);
        return flow.CodeFrom(response);
    }

    /// <summary>The whole way, as dave clicks it: shop-web → shop login page → Northwind → back → shop-web's tokens.</summary>
    public async Task<JsonElement> SignInToShopWebAsync(OidcBrowserFlow flow, string username = "dave", string? password = null)
    {
        var link = NorthwindLink(await OpenShopLoginPageAsync(flow));
        var callback = await SignInAtNorthwindAsync(await GetAsync(link), username, password ?? FederatedRealms.DavesPassword);
        var code = await FinishAtShopAsync(flow, callback);
        var response = await flow.RedeemAsync(code, Secrets["SHOP_WEB_CLIENT_SECRET"], flow.Pkce.Verifier);
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(body).RootElement.Clone()
            : throw new InvalidOperationException($"Token request failed: {body}");
    }

    public OidcBrowserFlow ShopWeb() => new(shop, "shop-web", ShopWebRedirect);

    /// <summary>What the shop's status page says about this browser ("You are signed out." or signed in as whom).</summary>
    public async Task<string> ShopStatusAsync() => await shop.GetStringAsync(StatusPath);

    /// <summary>Types the username and password into the login form a page shows, and sends it to the form's action.</summary>
    public async Task<HttpResponseMessage> SubmitLoginFormAsync(HttpResponseMessage page, string username, string password)
    {
        var html = await page.Content.ReadAsStringAsync();
        if (!html.Contains("type=\"password\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"Expected a login form, got {(int)page.StatusCode}.");
        var action = new Uri(page.RequestMessage!.RequestUri!, OidcBrowserFlow.FormAction(html));
        return await ClientFor(action).PostAsync(action, new FormUrlEncodedContent(OidcBrowserFlow.LoginFormFields(html, username, password)));
    }

    private HttpClient ClientFor(Uri url) =>
        !url.IsAbsoluteUri || url.Host == "localhost" ? shop
        : url.Host == "northwind.test" ? northwind
        : throw new InvalidOperationException($"This browser reaches no server at {url}.");
}
