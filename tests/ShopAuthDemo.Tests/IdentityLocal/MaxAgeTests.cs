using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using ShopAuthDemo.Testing;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using Xunit;
using static ShopAuthDemo.Tests.IdentityLocal.Support.TokenRequests;

namespace ShopAuthDemo.Tests.IdentityLocal;

/// <summary>
/// max_age on the authorization request (OIDC Core 3.1.2.1; what a step-up challenge sends the shop back with):
/// a sign-in older than max_age seconds asks for the password again, a recent one answers at once, and tokens
/// carry auth_time so the API can check it.
/// </summary>
public sealed class MaxAgeTests : IClassFixture<LocalIdentityProviderWithClock>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string Password = LocalIdentityProviderFactory.Secrets["DEV_USER_PASSWORD"];
    private static readonly string ShopRedirect = RealmClients.RedirectUri("shop-web");
    private static readonly string ShopSecret = RealmClients.Secret("shop-web");

    private readonly FakeTimeProvider _clock;
    private readonly HttpClient _browser;
    private readonly long _signedInAt;

    public MaxAgeTests(LocalIdentityProviderWithClock idp)
    {
        _clock = idp.Clock;
        _browser = idp.Idp.CreateBrowser();   // a browser of its own: no SSO session from another test
        _signedInAt = _clock.GetUtcNow().ToUnixTimeSeconds();
    }

    private Task AliceSignsInAsync() => Flow().SignInAsync("alice", Password, ShopSecret);

    private OidcBrowserFlow Flow() => new(_browser, "shop-web", ShopRedirect);

    [Fact]
    public async Task A_sign_in_older_than_max_age_asks_for_the_password_again_and_auth_time_moves()
    {
        await AliceSignsInAsync();
        _clock.Advance(TimeSpan.FromMinutes(10));
        var flow = Flow();

        var authorize = await _browser.GetAsync(flow.AuthorizeUrl() + "&max_age=300", Ct);
        Assert.Contains("/login-actions/authenticate", authorize.Headers.Location?.OriginalString);

        var page = await _browser.GetStringAsync(authorize.Headers.Location, Ct);
        _clock.Advance(TimeSpan.FromSeconds(5));   // typing the password
        var login = await LoginForm.SubmitOnPageAsync(_browser, page, "alice", Password);
        var tokens = await RedeemAsync(flow, await _browser.GetAsync(login.Headers.Location, Ct));

        Assert.Equal(_signedInAt + 605, AuthTime(tokens, "access_token"));
        Assert.Equal(_signedInAt + 605, AuthTime(tokens, "id_token"));
    }

    [Fact]
    public async Task A_sign_in_within_max_age_gives_a_code_without_asking_and_keeps_auth_time()
    {
        await AliceSignsInAsync();
        _clock.Advance(TimeSpan.FromMinutes(4));
        var flow = Flow();

        var authorize = await _browser.GetAsync(flow.AuthorizeUrl() + "&max_age=300", Ct);
        var tokens = await RedeemAsync(flow, authorize);

        Assert.Equal(_signedInAt, AuthTime(tokens, "access_token"));
    }

    [Fact]
    public async Task Max_age_zero_asks_for_the_password_like_prompt_login()
    {
        await AliceSignsInAsync();

        var authorize = await _browser.GetAsync(Flow().AuthorizeUrl() + "&max_age=0", Ct);

        Assert.Contains("/login-actions/authenticate", authorize.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Max_age_zero_gives_the_code_once_the_password_is_typed()
    {
        await AliceSignsInAsync();
        var flow = Flow();
        var authorize = await _browser.GetAsync(flow.AuthorizeUrl() + "&max_age=0", Ct);
        var page = await _browser.GetStringAsync(authorize.Headers.Location, Ct);
        _clock.Advance(TimeSpan.FromSeconds(5));

        var login = await LoginForm.SubmitOnPageAsync(_browser, page, "alice", Password);
        var tokens = await RedeemAsync(flow, await _browser.GetAsync(login.Headers.Location, Ct));

        Assert.Equal(_signedInAt + 5, AuthTime(tokens, "access_token"));
    }

    [Fact]
    public async Task Dropping_max_age_from_the_request_does_not_skip_the_password()
    {
        await AliceSignsInAsync();
        _clock.Advance(TimeSpan.FromMinutes(10));
        var flow = Flow();
        var authorize = await _browser.GetAsync(flow.AuthorizeUrl() + "&max_age=300", Ct);
        var returnUrl = QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), authorize.Headers.Location!).Query)["returnUrl"].Single()!;

        var returnUrlOpened = await _browser.GetAsync(returnUrl, Ct);
        var maxAgeRemoved = await _browser.GetAsync(flow.AuthorizeUrl(), Ct);

        Assert.Contains("/login-actions/authenticate", returnUrlOpened.Headers.Location?.OriginalString);
        Assert.Contains("/login-actions/authenticate", maxAgeRemoved.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Prompt_none_with_a_sign_in_older_than_max_age_is_login_required()
    {
        await AliceSignsInAsync();
        _clock.Advance(TimeSpan.FromMinutes(10));

        var authorize = await _browser.GetAsync(Flow().AuthorizeUrl() + "&max_age=300&prompt=none", Ct);

        Assert.StartsWith(ShopRedirect, authorize.Headers.Location?.OriginalString);
        Assert.Contains("error=login_required", authorize.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("five")]
    public async Task Max_age_that_is_not_a_number_of_seconds_is_invalid_request(string maxAge)
    {
        await AliceSignsInAsync();

        var authorize = await _browser.GetAsync(Flow().AuthorizeUrl() + "&max_age=" + maxAge, Ct);

        Assert.StartsWith(ShopRedirect, authorize.Headers.Location?.OriginalString);
        Assert.Contains("error=invalid_request", authorize.Headers.Location?.OriginalString);
    }

    private async Task<JsonElement> RedeemAsync(OidcBrowserFlow flow, HttpResponseMessage authorize)
    {
        var response = await flow.RedeemAsync(flow.CodeFrom(authorize), ShopSecret, flow.Pkce.Verifier);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    private static long AuthTime(JsonElement tokens, string token) =>
        new JsonWebToken(tokens.GetProperty(token).GetString()).GetPayloadValue<long>("auth_time");
}
