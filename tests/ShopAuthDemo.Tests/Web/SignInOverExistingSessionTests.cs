using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShopAuthDemo.Tests.Web.Support;
using ShopAuthDemo.Web.Authentication.Sessions;
using Xunit;

namespace ShopAuthDemo.Tests.Web;

/// <summary>
/// A sign-in on a browser that still holds a session, with the real cookie handler: the old session ends
/// (refresh token revoked) and the new one starts under a fresh key with its own tokens, sid and sub.
/// </summary>
public sealed class SignInOverExistingSessionTests : IAsyncLifetime
{
    private WebSignInHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await WebSignInHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Bob_signing_in_over_alices_session_gets_a_fresh_session_with_his_own_tokens()
    {
        var alices = await _host.SignInAsync("alice");

        var bobs = await _host.SignInAsync("bob", existingCookie: alices);

        Assert.Equal("bob bob-id sid-of-bob access-token-of-bob", await _host.WhoAsync(bobs));
        Assert.Null(await _host.WhoAsync(alices));
        Assert.Equal(["refresh-token-of-alice"], _host.Revoked);
        Assert.Single(await _host.Sessions.EndForIdentityProviderAsync(sid: null, sub: "bob-id"));
        Assert.Empty(await _host.Sessions.EndForIdentityProviderAsync(sid: null, sub: "alice-id"));
    }

    [Fact]
    public async Task The_same_user_signing_in_again_gets_a_new_session_key()
    {
        var first = await _host.SignInAsync("alice");

        var second = await _host.SignInAsync("alice", existingCookie: first);

        Assert.NotNull(await _host.WhoAsync(second));
        // The old cookie (maybe planted, maybe copied) is worth nothing afterwards: no session fixation.
        Assert.Null(await _host.WhoAsync(first));
        // The same identity-provider session continues: its refresh token shares the new one's client session,
        // and revoking it would end the new sign-in too (Keycloak ends the client session of a revoked token).
        Assert.Empty(_host.Revoked);
    }

    [Fact]
    public async Task The_same_user_in_a_new_identity_provider_session_has_the_old_refresh_token_revoked()
    {
        var first = await _host.SignInAsync("alice", sid: "first-sid");

        var second = await _host.SignInAsync("alice", existingCookie: first, sid: "second-sid");

        Assert.Equal("alice alice-id second-sid access-token-of-alice", await _host.WhoAsync(second));
        Assert.Null(await _host.WhoAsync(first));
        Assert.Equal(["refresh-token-of-alice"], _host.Revoked);
    }

    [Fact]
    public async Task Back_channel_logout_for_the_new_user_ends_the_new_session()
    {
        var bobs = await _host.SignInAsync("bob", existingCookie: await _host.SignInAsync("alice"));

        await _host.Sessions.EndForIdentityProviderAsync("sid-of-bob", "bob-id");

        Assert.Null(await _host.WhoAsync(bobs));
    }

    [Fact]
    public async Task A_new_sign_in_offered_as_a_renewal_signs_the_browser_out_rather_than_mixing_two_users()
    {
        var alices = await _host.SignInAsync("alice");

        var afterwards = await _host.SignInAsync("bob", existingCookie: alices, path: "/test/renewal");

        Assert.Null(await _host.WhoAsync(afterwards));
        Assert.Null(await _host.WhoAsync(alices));
        // Neither refresh token outlives the sessions: alice's, and bob's that was never kept.
        Assert.Equal(["refresh-token-of-alice", "refresh-token-of-bob"], _host.Revoked);
    }

    [Fact]
    public async Task A_signed_in_user_opening_the_login_link_goes_back_without_a_new_sign_in()
    {
        var alices = await _host.SignInAsync("alice");

        var (signedIn, _) = await _host.GetAsync("/authentication/login?returnUrl=%2Forders", alices);
        var (signedOut, _) = await _host.GetAsync("/authentication/login?returnUrl=%2Forders", cookie: null);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/orders", signedIn.Headers.Location?.ToString());
        Assert.Equal("alice alice-id sid-of-alice access-token-of-alice", await _host.WhoAsync(alices));
        Assert.Empty(_host.Revoked);
        // Not signed in: the challenge goes to the identity provider as before.
        Assert.StartsWith("https://identity.test/", signedOut.Headers.Location?.ToString());
    }

    [Fact]
    public async Task The_OpenID_Connect_callback_marks_the_request_as_a_new_sign_in()
    {
        var oidc = _host.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        var context = new DefaultHttpContext();
        var scheme = new AuthenticationScheme(OpenIdConnectDefaults.AuthenticationScheme, null, typeof(OpenIdConnectHandler));
        var bob = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new("sub", "bob-id"), new("sid", "sid-of-bob")], "oidc"));
        var ticket = new AuthenticationTicket(bob, OpenIdConnectDefaults.AuthenticationScheme);

        await oidc.Events.TicketReceived(new TicketReceivedContext(context, scheme, oidc, ticket));

        Assert.Equal(new NewSignIn("sid-of-bob", "bob-id"), NewSignIn.Underway(context));
    }
}
