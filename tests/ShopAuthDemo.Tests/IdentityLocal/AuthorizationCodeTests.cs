using System.Net;
using System.Net.Http.Headers;
using Microsoft.IdentityModel.JsonWebTokens;
using ShopAuthDemo.Testing;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using Xunit;
using static ShopAuthDemo.Tests.IdentityLocal.Support.TokenRequests;

namespace ShopAuthDemo.Tests.IdentityLocal;

public sealed class AuthorizationCodeTests(LocalIdentityProviderFactory idp) : IClassFixture<LocalIdentityProviderFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string RedirectUri = LocalIdentityProviderFactory.ShopWebUrl + "/signin-oidc";
    private static readonly string Secret = LocalIdentityProviderFactory.Secrets["SHOP_WEB_CLIENT_SECRET"];
    private static readonly string Password = LocalIdentityProviderFactory.Secrets["DEV_USER_PASSWORD"];

    private OidcBrowserFlow NewFlow() => new(idp.CreateBrowser(), "shop-web", RedirectUri);

    [Fact]
    public async Task Alice_signs_in_with_code_and_pkce_and_gets_keycloak_shaped_tokens()
    {
        var tokens = await NewFlow().SignInAsync("alice", Password, Secret);

        var access = new JsonWebToken(tokens.GetProperty("access_token").GetString());
        Assert.Equal(LocalIdentityProviderFactory.Issuer, access.Issuer);
        Assert.Equal("4c5a7e2e-5a3b-4b0e-9a51-1f2f6b9f0a01", access.Subject);
        Assert.Equal("alice", access.GetClaim("preferred_username").Value);
        Assert.Equal("alice@shop.example", access.GetClaim("email").Value);
        Assert.Equal("Alice Customer", access.GetClaim("name").Value);
        Assert.Equal("shop-web", access.GetClaim("azp").Value);
        Assert.Equal(["orders-api"], Audiences(access));
        Assert.Equal(["customer"], RealmRoles(access));
        Assert.False(string.IsNullOrEmpty(access.GetClaim("sid").Value));
        Assert.Equal(["email", "openid", "orders", "profile"], access.GetClaim("scope").Value.Split(' ').Order());
        Assert.True(tokens.TryGetProperty("refresh_token", out _), "Keycloak returns a refresh token with the code grant");

        var id = new JsonWebToken(tokens.GetProperty("id_token").GetString());
        Assert.Equal(["shop-web"], id.Audiences);
        Assert.Equal("nonce-456", id.GetClaim("nonce").Value);
        Assert.Equal(access.GetClaim("sid").Value, id.GetClaim("sid").Value);
    }

    [Fact]
    public async Task Carol_gets_staff_and_admin_roles_in_the_backoffice()
    {
        // Only the back office's role scope holds staff and admin (RoleScopeTests: the shop's tokens never carry them).
        var tokens = await RealmClients.SignInAsync(idp, "backoffice-web", "carol", Password);

        var access = new JsonWebToken(tokens.GetProperty("access_token").GetString());
        Assert.Equal(["admin", "staff"], RealmRoles(access).Order());
        // The web apps learn the roles from the ID token they get at sign-in.
        var id = new JsonWebToken(tokens.GetProperty("id_token").GetString());
        Assert.Equal(["admin", "staff"], RealmRoles(id).Order());
    }

    [Fact]
    public async Task Wrong_password_keeps_the_username_and_explains()
    {
        var browser = idp.CreateBrowser();
        var flow = new OidcBrowserFlow(browser, "shop-web", RedirectUri);
        var login = await browser.GetAsync(flow.AuthorizeUrl(), Ct);
        var page = await browser.GetStringAsync(login.Headers.Location, Ct);

        var response = await browser.PostAsync("/realms/shop/login-actions/authenticate", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", OidcBrowserFlow.HiddenInput(page, "__RequestVerificationToken")),
            new("returnUrl", WebUtility.HtmlDecode(OidcBrowserFlow.HiddenInput(page, "returnUrl"))),
            new("username", "alice"),
            new("password", "wrong"),
        ]), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Invalid username or password", html);
        Assert.Contains("value=\"alice\"", html);
    }

    [Fact]
    public async Task Login_post_without_antiforgery_token_is_refused()
    {
        var response = await idp.CreateBrowser().PostAsync("/realms/shop/login-actions/authenticate", new FormUrlEncodedContent(
            [new("username", "alice"), new("password", Password), new("returnUrl", "/realms/shop/login-actions/status")]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Sign in again", html);
        Assert.Contains("value=\"alice\"", html);
    }

    [Fact]
    public async Task Missing_code_verifier_is_refused()
    {
        var flow = NewFlow();
        var code = await flow.GetCodeAsync("alice", Password);

        var response = await flow.RedeemAsync(code, Secret, verifier: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False((await JsonAsync(response)).TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task Wrong_code_verifier_is_refused()
    {
        var flow = NewFlow();
        var code = await flow.GetCodeAsync("alice", Password);

        var response = await flow.RedeemAsync(code, Secret, Pkce.Create().Verifier);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Authorization_request_without_pkce_is_refused()
    {
        var browser = idp.CreateBrowser();
        var url = NewFlow().AuthorizeUrl().Replace("&code_challenge_method=S256", "").Replace("code_challenge=", "x=");

        var response = await browser.GetAsync(url, Ct);

        // Refused either on the spot or by redirecting an error to the client; never with a code.
        var location = response.Headers.Location?.OriginalString;
        if (location is null)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        else
        {
            Assert.StartsWith(RedirectUri + "?error=invalid_request", location);
            Assert.DoesNotContain("code=", location);
        }
    }

    [Fact]
    public async Task Unregistered_redirect_uri_is_refused_without_redirecting()
    {
        var flow = new OidcBrowserFlow(idp.CreateBrowser(), "shop-web", "https://evil.example/callback");

        var response = await idp.CreateBrowser().GetAsync(flow.AuthorizeUrl(), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_code_works_once()
    {
        var flow = NewFlow();
        var code = await flow.GetCodeAsync("alice", Password);
        Assert.Equal(HttpStatusCode.OK, (await flow.RedeemAsync(code, Secret, flow.Pkce.Verifier)).StatusCode);

        var replay = await flow.RedeemAsync(code, Secret, flow.Pkce.Verifier);

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
    }

    [Fact]
    public async Task Refresh_token_gives_new_tokens_and_works_only_once()
    {
        var client = idp.CreateClient();
        var tokens = await NewFlow().SignInAsync("alice", Password, Secret);
        var refreshToken = tokens.GetProperty("refresh_token").GetString()!;
        (string, string)[] refresh = [("grant_type", "refresh_token"), ("refresh_token", refreshToken),
            ("client_id", "shop-web"), ("client_secret", Secret)];

        var first = await PostAsync(client, refresh);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var renewed = await AccessTokenAsync(first);
        Assert.Equal("alice", renewed.GetClaim("preferred_username").Value);
        Assert.Equal(["orders-api"], Audiences(renewed));

        var reused = await PostAsync(client, refresh);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
    }

    [Fact]
    public async Task Second_sign_in_in_the_same_browser_needs_no_password()
    {
        var browser = idp.CreateBrowser();
        await new OidcBrowserFlow(browser, "shop-web", RedirectUri).SignInAsync("alice", Password, Secret);

        var backoffice = new OidcBrowserFlow(browser, "backoffice-web", LocalIdentityProviderFactory.BackofficeWebUrl + "/signin-oidc");
        var response = await browser.GetAsync(backoffice.AuthorizeUrl(), Ct);

        Assert.StartsWith(LocalIdentityProviderFactory.BackofficeWebUrl + "/signin-oidc?code=", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Userinfo_returns_the_profile_for_the_access_token()
    {
        var tokens = await NewFlow().SignInAsync("bob", Password, Secret);
        var request = new HttpRequestMessage(HttpMethod.Get, "/realms/shop/protocol/openid-connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());

        var response = await idp.CreateClient().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Equal("4c5a7e2e-5a3b-4b0e-9a51-1f2f6b9f0a02", json.GetProperty("sub").GetString());
        Assert.Equal("bob", json.GetProperty("preferred_username").GetString());
        Assert.Equal("bob@shop.example", json.GetProperty("email").GetString());
        Assert.True(json.GetProperty("email_verified").GetBoolean());
    }

    [Fact]
    public async Task Userinfo_without_token_is_401()
    {
        var response = await idp.CreateClient().GetAsync("/realms/shop/protocol/openid-connect/userinfo", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
