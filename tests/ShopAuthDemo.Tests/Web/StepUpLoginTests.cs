using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShopAuthDemo.Tests.Web.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Web;

/// <summary>
/// The login endpoint answering a step-up (RFC 9470): with maxAge it sends the user to the identity provider
/// with OIDC max_age, even over a live session (which otherwise just goes back), and keeps the local-only
/// return URL rule.
/// </summary>
public sealed class StepUpLoginTests : IAsyncLifetime
{
    private WebSignInHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await WebSignInHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_step_up_login_challenges_a_signed_in_user_with_max_age()
    {
        var alices = await _host.SignInAsync("alice");

        var (response, _) = await _host.GetAsync("/authentication/login?returnUrl=%2Fcart%3FafterSignIn%3Dabc&maxAge=270", alices);

        var query = AssertChallenge(response);
        Assert.Equal("270", query["max_age"]);
        Assert.Equal("/cart?afterSignIn=abc", ReturnUrlIn(query));
        // Her session stays until the identity provider answers; nothing is revoked on the way out.
        Assert.NotNull(await _host.WhoAsync(alices));
        Assert.Empty(_host.Revoked);
    }

    [Fact]
    public async Task A_step_up_login_of_a_signed_out_user_asks_for_max_age_too()
    {
        var (response, _) = await _host.GetAsync("/authentication/login?returnUrl=%2Fcart&maxAge=0", cookie: null);

        Assert.Equal("0", AssertChallenge(response)["max_age"]);
    }

    [Theory]
    [InlineData("https%3A%2F%2Fevil.example%2Fcart")]
    [InlineData("%2F%2Fevil.example")]
    public async Task A_step_up_login_still_returns_only_to_this_site(string returnUrl)
    {
        var alices = await _host.SignInAsync("alice");

        var (response, _) = await _host.GetAsync($"/authentication/login?returnUrl={returnUrl}&maxAge=270", alices);

        Assert.Equal("/", ReturnUrlIn(AssertChallenge(response)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1e3")]
    [InlineData("%2B60")]
    [InlineData("604801")]
    [InlineData("99999999999")]
    public async Task A_max_age_that_is_not_a_number_of_seconds_is_an_ordinary_login(string maxAge)
    {
        var alices = await _host.SignInAsync("alice");

        var (signedIn, _) = await _host.GetAsync($"/authentication/login?returnUrl=%2Fcart&maxAge={maxAge}", alices);
        var (signedOut, _) = await _host.GetAsync($"/authentication/login?returnUrl=%2Fcart&maxAge={maxAge}", cookie: null);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/cart", signedIn.Headers.Location?.ToString());
        Assert.False(AssertChallenge(signedOut).ContainsKey("max_age"));
    }

    private static Dictionary<string, Microsoft.Extensions.Primitives.StringValues> AssertChallenge(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("https://identity.test/realms/shop/protocol/openid-connect/auth", location.GetLeftPart(UriPartial.Path));
        return QueryHelpers.ParseQuery(location.Query);
    }

    // Where the OpenID Connect handler sends the browser after the callback: inside the protected state.
    private string? ReturnUrlIn(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query)
    {
        var oidc = _host.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        return oidc.StateDataFormat.Unprotect(query["state"].ToString())?.RedirectUri;
    }
}
