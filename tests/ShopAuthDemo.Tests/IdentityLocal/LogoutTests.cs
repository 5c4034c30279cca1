using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ShopAuthDemo.Testing;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using Xunit;
using static ShopAuthDemo.Tests.IdentityLocal.Support.TokenRequests;

namespace ShopAuthDemo.Tests.IdentityLocal;

/// <summary>RP-initiated logout ends the SSO session; back-channel logout tells every client of that session.</summary>
public sealed class LogoutTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string Password = LocalIdentityProviderFactory.Secrets["DEV_USER_PASSWORD"];
    private static readonly string ShopSecret = LocalIdentityProviderFactory.Secrets["SHOP_WEB_CLIENT_SECRET"];
    private const string ShopRedirect = LocalIdentityProviderFactory.ShopWebUrl + "/signin-oidc";
    private const string LogoutPath = "/realms/shop/protocol/openid-connect/logout";

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

    private static string LogoutUrl(JsonElement tokens) => QueryHelpers.AddQueryString(LogoutPath, new Dictionary<string, string?>
    {
        ["id_token_hint"] = tokens.GetProperty("id_token").GetString(),
        ["post_logout_redirect_uri"] = LocalIdentityProviderFactory.ShopWebUrl + "/signout-callback-oidc",
        ["state"] = "bye",
    });

    [Fact]
    public async Task Logout_ends_the_sso_session_and_its_refresh_tokens()
    {
        var browser = _idp.CreateBrowser();
        var flow = new OidcBrowserFlow(browser, "shop-web", ShopRedirect);
        var tokens = await flow.SignInAsync("alice", Password, ShopSecret);

        var logout = await browser.GetAsync(LogoutUrl(tokens), Ct);

        Assert.Equal(LocalIdentityProviderFactory.ShopWebUrl + "/signout-callback-oidc?state=bye", logout.Headers.Location?.OriginalString);
        var again = await browser.GetAsync(flow.AuthorizeUrl(), Ct);
        Assert.Contains("/login-actions/authenticate", again.Headers.Location?.OriginalString);
        var refresh = await PostAsync(_idp.CreateClient(), ("grant_type", "refresh_token"),
            ("refresh_token", tokens.GetProperty("refresh_token").GetString()!), ("client_id", "shop-web"), ("client_secret", ShopSecret));
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
    }

    [Fact]
    public async Task Sso_cookie_copied_before_logout_is_refused_after_it()
    {
        var browser = _idp.CreateBrowser();
        var flow = new OidcBrowserFlow(browser, "shop-web", ShopRedirect);
        var tokens = await flow.SignInAsync("alice", Password, ShopSecret);
        // What an attacker who copied the cookie header before logout would replay.
        var copied = (await browser.GetAsync(flow.AuthorizeUrl(), Ct)).RequestMessage!.Headers.GetValues("Cookie").ToList();

        await browser.GetAsync(LogoutUrl(tokens), Ct);

        var replay = new HttpRequestMessage(HttpMethod.Get, flow.AuthorizeUrl());
        replay.Headers.Add("Cookie", copied);
        var response = await _idp.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(replay, Ct);
        Assert.NotEmpty(copied);
        Assert.Contains("/login-actions/authenticate", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Logout_link_without_id_token_hint_asks_first_and_keeps_the_session()
    {
        var browser = _idp.CreateBrowser();
        var flow = new OidcBrowserFlow(browser, "shop-web", ShopRedirect);
        await flow.SignInAsync("alice", Password, ShopSecret);

        var confirm = await browser.GetAsync(LogoutPath, Ct);
        var forged = await browser.PostAsync(LogoutPath, new FormUrlEncodedContent([new("confirm", "yes")]), Ct);

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("Sign out?", await confirm.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var stillSignedIn = await browser.GetAsync(flow.AuthorizeUrl(), Ct);
        Assert.StartsWith(ShopRedirect + "?code=", stillSignedIn.Headers.Location?.OriginalString);
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task Logout_link_with_another_users_id_token_asks_first_and_ends_nobodys_session()
    {
        // The attacker's own, perfectly valid ID token, put in a link the victim's browser follows.
        var attacker = _idp.CreateBrowser();
        var attackerFlow = new OidcBrowserFlow(attacker, "shop-web", ShopRedirect);
        var attackersToken = await attackerFlow.SignInAsync("bob", Password, ShopSecret);
        var victim = _idp.CreateBrowser();
        var victimFlow = new OidcBrowserFlow(victim, "shop-web", ShopRedirect);
        await victimFlow.SignInAsync("alice", Password, ShopSecret);

        var response = await victim.GetAsync(LogoutUrl(attackersToken), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sign out?", await response.Content.ReadAsStringAsync(Ct));
        Assert.StartsWith(ShopRedirect + "?code=", (await victim.GetAsync(victimFlow.AuthorizeUrl(), Ct)).Headers.Location?.OriginalString);
        Assert.StartsWith(ShopRedirect + "?code=", (await attacker.GetAsync(attackerFlow.AuthorizeUrl(), Ct)).Headers.Location?.OriginalString);
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task Logout_link_with_an_id_token_of_an_earlier_session_asks_first()
    {
        var browser = _idp.CreateBrowser();
        var flow = new OidcBrowserFlow(browser, "shop-web", ShopRedirect);
        var earlier = await flow.SignInAsync("alice", Password, ShopSecret);
        await browser.GetAsync(LogoutUrl(earlier), Ct);
        var notified = _receiver.Received.Count;
        await new OidcBrowserFlow(browser, "shop-web", ShopRedirect).SignInAsync("alice", Password, ShopSecret);

        var response = await browser.GetAsync(LogoutUrl(earlier), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sign out?", await response.Content.ReadAsStringAsync(Ct));
        Assert.StartsWith(ShopRedirect + "?code=", (await browser.GetAsync(flow.AuthorizeUrl(), Ct)).Headers.Location?.OriginalString);
        Assert.Equal(notified, _receiver.Received.Count);
    }

    [Fact]
    public async Task Old_id_token_without_the_sso_cookie_ends_nothing()
    {
        var owner = _idp.CreateBrowser();
        var flow = new OidcBrowserFlow(owner, "shop-web", ShopRedirect);
        var tokens = await flow.SignInAsync("alice", Password, ShopSecret);

        // Someone who found alice's ID token (a log, a shared computer), from a browser with no session here.
        var response = await _idp.CreateBrowser().GetAsync(LogoutUrl(tokens), Ct);

        Assert.Equal(LocalIdentityProviderFactory.ShopWebUrl + "/signout-callback-oidc?state=bye", response.Headers.Location?.OriginalString);
        Assert.StartsWith(ShopRedirect + "?code=", (await owner.GetAsync(flow.AuthorizeUrl(), Ct)).Headers.Location?.OriginalString);
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task Back_channel_logout_token_reaches_every_client_of_the_session_signed_with_sid_and_events()
    {
        var browser = _idp.CreateBrowser();
        var shop = await new OidcBrowserFlow(browser, "shop-web", ShopRedirect).SignInAsync("alice", Password, ShopSecret);
        await new OidcBrowserFlow(browser, "backoffice-web", LocalIdentityProviderFactory.BackofficeWebUrl + "/signin-oidc")
            .SignInAsync("alice", Password, LocalIdentityProviderFactory.Secrets["BACKOFFICE_WEB_CLIENT_SECRET"]);
        var sid = new JsonWebToken(shop.GetProperty("id_token").GetString()).GetClaim("sid").Value;

        await browser.GetAsync(LogoutUrl(shop), Ct);

        Assert.Equal(["/backoffice", "/shop"], _receiver.Received.Select(r => r.Path).Order());
        var keys = new JsonWebKeySet(await _idp.CreateClient().GetStringAsync("/realms/shop/protocol/openid-connect/certs", Ct));
        foreach (var (path, logoutToken) in _receiver.Received)
        {
            var audience = path == "/shop" ? "shop-web" : "backoffice-web";
            var result = await new JsonWebTokenHandler().ValidateTokenAsync(logoutToken, new TokenValidationParameters
            {
                ValidIssuer = LocalIdentityProviderFactory.Issuer,
                ValidAudience = audience,
                IssuerSigningKeys = keys.GetSigningKeys(),
                ValidAlgorithms = ["RS256"],
                ValidTypes = ["logout+jwt"],
            });
            Assert.True(result.IsValid, result.Exception?.Message);
            var token = (JsonWebToken)result.SecurityToken;
            Assert.Equal(sid, token.GetClaim("sid").Value);
            Assert.Equal("4c5a7e2e-5a3b-4b0e-9a51-1f2f6b9f0a01", token.Subject);
            Assert.True(token.GetPayloadValue<JsonElement>("events").TryGetProperty("http://schemas.openid.net/event/backchannel-logout", out _));
            Assert.False(token.TryGetClaim("nonce", out _), "a logout token must not carry a nonce");
            Assert.False(string.IsNullOrEmpty(token.Id), "jti lets a client refuse a replayed logout token");
        }
    }
}
