using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using ShopAuthDemo.Testing;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using Xunit;
using static ShopAuthDemo.Tests.IdentityLocal.Support.TokenRequests;

namespace ShopAuthDemo.Tests.IdentityLocal;

/// <summary>
/// prompt=login makes the user sign in again before a code is issued. The SSO session survives until then;
/// if someone else signs in, the old session ends properly, with back-channel logout to its apps.
/// </summary>
public sealed class PromptLoginTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string Password = LocalIdentityProviderFactory.Secrets["DEV_USER_PASSWORD"];
    private static readonly string ShopRedirect = RealmClients.RedirectUri("shop-web");

    private BackchannelLogoutReceiver _receiver = null!;
    private LocalIdentityProviderFactory _idp = null!;

    public async ValueTask InitializeAsync()
    {
        _receiver = await BackchannelLogoutReceiver.StartAsync();
        _idp = new LocalIdentityProviderFactory(_receiver.BaseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await _idp.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    /// <summary>alice signed in to the shop and the back office in one browser; returns the shop's tokens.</summary>
    private async Task<(HttpClient Browser, System.Text.Json.JsonElement ShopTokens)> AliceInBothAppsAsync()
    {
        var browser = _idp.CreateBrowser();
        var shop = await new OidcBrowserFlow(browser, "shop-web", ShopRedirect).SignInAsync("alice", Password, RealmClients.Secret("shop-web"));
        await new OidcBrowserFlow(browser, "backoffice-web", RealmClients.RedirectUri("backoffice-web"))
            .SignInAsync("alice", Password, RealmClients.Secret("backoffice-web"));
        return (browser, shop);
    }

    [Fact]
    public async Task Prompt_login_asks_for_the_password_again_and_the_session_lives_until_then()
    {
        var (browser, _) = await AliceInBothAppsAsync();
        var flow = new OidcBrowserFlow(browser, "shop-web", ShopRedirect);

        var prompt = await browser.GetAsync(flow.AuthorizeUrl() + "&prompt=login", Ct);

        Assert.Contains("/login-actions/authenticate", prompt.Headers.Location?.OriginalString);
        // Not signed in again yet (or never, if she walks away): her session and both apps carry on.
        var backoffice = new OidcBrowserFlow(browser, "backoffice-web", RealmClients.RedirectUri("backoffice-web"));
        Assert.Contains("?code=", (await browser.GetAsync(backoffice.AuthorizeUrl(), Ct)).Headers.Location?.OriginalString);
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task Same_user_signing_in_again_keeps_the_session_and_the_other_app()
    {
        var (browser, shop) = await AliceInBothAppsAsync();
        var flow = new OidcBrowserFlow(browser, "shop-web", ShopRedirect);

        var tokens = await SignInAgainAsync(browser, flow, "alice");

        Assert.Equal(Sid(shop), Sid(tokens));
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task Another_user_signing_in_ends_the_old_session_with_back_channel_logout()
    {
        var (browser, shop) = await AliceInBothAppsAsync();
        var flow = new OidcBrowserFlow(browser, "shop-web", ShopRedirect);

        var bobs = await SignInAgainAsync(browser, flow, "bob");

        Assert.Equal("bob", new JsonWebToken(bobs.GetProperty("access_token").GetString()).GetClaim("preferred_username").Value);
        Assert.Equal(["/backoffice", "/shop"], _receiver.Received.Select(r => r.Path).Order());
        Assert.All(_receiver.Received, r => Assert.Equal(Sid(shop), new JsonWebToken(r.LogoutToken).GetClaim("sid").Value));
        var refresh = await PostAsync(_idp.CreateClient(), ("grant_type", "refresh_token"),
            ("refresh_token", shop.GetProperty("refresh_token").GetString()!), ("client_id", "shop-web"),
            ("client_secret", RealmClients.Secret("shop-web")));
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
    }

    [Fact]
    public async Task Opening_the_login_pages_return_url_without_the_password_goes_back_to_the_login_page()
    {
        var (browser, _) = await AliceInBothAppsAsync();
        var flow = new OidcBrowserFlow(browser, "shop-web", ShopRedirect);
        var prompt = await browser.GetAsync(flow.AuthorizeUrl() + "&prompt=login", Ct);

        var returnUrlOpened = await browser.GetAsync(ReturnUrlOf(prompt), Ct);
        var promptRemoved = await browser.GetAsync(flow.AuthorizeUrl(), Ct);

        Assert.Contains("/login-actions/authenticate", returnUrlOpened.Headers.Location?.OriginalString);
        Assert.Contains("/login-actions/authenticate", promptRemoved.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task After_a_skip_attempt_signing_in_on_the_login_page_still_gives_the_code()
    {
        var (browser, _) = await AliceInBothAppsAsync();
        var flow = new OidcBrowserFlow(browser, "shop-web", ShopRedirect);
        var prompt = await browser.GetAsync(flow.AuthorizeUrl() + "&prompt=login", Ct);
        var page = await browser.GetStringAsync(prompt.Headers.Location, Ct);
        await browser.GetAsync(ReturnUrlOf(prompt), Ct);

        var login = await LoginForm.SubmitOnPageAsync(browser, page, "alice", Password);
        var authorize = await browser.GetAsync(login.Headers.Location, Ct);

        Assert.Contains("?code=", authorize.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_prompt_login_round_trip_gives_one_code_and_its_return_url_then_asks_for_the_password_again()
    {
        var (browser, _) = await AliceInBothAppsAsync();
        var flow = new OidcBrowserFlow(browser, "shop-web", ShopRedirect);
        var prompt = await browser.GetAsync(flow.AuthorizeUrl() + "&prompt=login", Ct);
        var page = await browser.GetStringAsync(prompt.Headers.Location, Ct);
        var login = await LoginForm.SubmitOnPageAsync(browser, page, "alice", Password);
        Assert.Contains("?code=", (await browser.GetAsync(login.Headers.Location, Ct)).Headers.Location?.OriginalString);

        var reused = await browser.GetAsync(login.Headers.Location, Ct);

        Assert.Contains("/login-actions/authenticate", reused.Headers.Location?.OriginalString);
    }

    private static string ReturnUrlOf(HttpResponseMessage toLoginPage) =>
        QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), toLoginPage.Headers.Location!).Query)["returnUrl"].Single()!;

    // authorize with prompt=login -> login page -> password -> back to authorize -> code -> tokens.
    private async Task<System.Text.Json.JsonElement> SignInAgainAsync(HttpClient browser, OidcBrowserFlow flow, string username)
    {
        var prompt = await browser.GetAsync(flow.AuthorizeUrl() + "&prompt=login", Ct);
        var page = await browser.GetStringAsync(prompt.Headers.Location, Ct);
        var login = await LoginForm.SubmitOnPageAsync(browser, page, username, Password);
        var authorize = await browser.GetAsync(login.Headers.Location, Ct);
        var response = await flow.RedeemAsync(flow.CodeFrom(authorize), RealmClients.Secret("shop-web"), flow.Pkce.Verifier);
        return await JsonAsync(response);
    }

    private static string Sid(System.Text.Json.JsonElement tokens) =>
        new JsonWebToken(tokens.GetProperty("id_token").GetString()).GetClaim("sid").Value;
}
