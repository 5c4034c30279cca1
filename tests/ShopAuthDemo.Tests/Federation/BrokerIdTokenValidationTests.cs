using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using ShopAuthDemo.Identity.Local.Federation;
using ShopAuthDemo.Testing;
using ShopAuthDemo.Tests.Federation.Support;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Federation;

/// <summary>
/// The broker accepts Northwind's ID token only if Northwind signed it (RS256, a key of its JWKS) for us (aud), for
/// this sign-in (nonce), as itself (iss), and it is current. Northwind is a fake here, so each rule can be broken alone;
/// a refused token never starts an SSO session.
/// </summary>
public sealed class BrokerIdTokenValidationTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Refused = "Signing in with Northwind Traders failed. Start again from the sign-in page.";

    private readonly BrokerWithFakeNorthwind _broker = new();
    private FakeNorthwind _northwind => _broker.Northwind;

    public ValueTask DisposeAsync() => _broker.DisposeAsync();

    private Task<BrokerWithFakeNorthwind.SignIn> StartAsync() => _broker.StartAsync();

    private Task<HttpResponseMessage> ReturnWithAsync(BrokerWithFakeNorthwind.SignIn signIn, string idToken) => _broker.ReturnWithAsync(signIn, idToken);

    private async Task AssertRefusedAndSignedOutAsync(BrokerWithFakeNorthwind.SignIn signIn, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(Refused, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
        Assert.Contains("You are signed out.", await signIn.Browser.GetStringAsync(FederationBrowser.StatusPath, Ct));
        var flow = new OidcBrowserFlow(signIn.Browser, "shop-web", FederationBrowser.ShopWebRedirect);
        Assert.Contains("/login-actions/authenticate", (await signIn.Browser.GetAsync(flow.AuthorizeUrl(), Ct)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Token_northwind_signed_for_this_sign_in_is_accepted_after_a_pkce_code_exchange()
    {
        var signIn = await StartAsync();

        var response = await ReturnWithAsync(signIn, _northwind.SignedWithPublishedKey(FakeNorthwind.Claims(signIn.Nonce)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("You are signed in as northwind.dave", await signIn.Browser.GetStringAsync(FederationBrowser.StatusPath, Ct));
        var sent = _northwind.LastTokenRequest!;
        Assert.Equal("authorization_code", sent["grant_type"]);
        Assert.Equal("northwind-code", sent["code"]);
        Assert.Equal(signIn.CodeChallenge, FakeNorthwind.CodeChallengeOf(sent["code_verifier"]));
        Assert.Equal("shop-broker", sent["client_id"]);
        Assert.Equal(LocalIdentityProviderFactory.Secrets["NORTHWIND_BROKER_CLIENT_SECRET"], sent["client_secret"]);
        Assert.Equal(FederationBrowser.BrokerCallback, sent["redirect_uri"]);
    }

    [Fact]
    public async Task Token_with_the_nonce_of_another_sign_in_is_refused()
    {
        // The attacker's own sign-in, its ID token injected into the victim's.
        var attackers = await StartAsync();
        var victims = await StartAsync();

        var response = await ReturnWithAsync(victims, _northwind.SignedWithPublishedKey(FakeNorthwind.Claims(attackers.Nonce)));

        await AssertRefusedAndSignedOutAsync(victims, response);
    }

    [Fact]
    public async Task Token_without_a_nonce_is_refused()
    {
        var signIn = await StartAsync();
        var response = await ReturnWithAsync(signIn, _northwind.SignedWithPublishedKey(FakeNorthwind.Claims(signIn.Nonce, c => c.Remove("nonce"))));
        await AssertRefusedAndSignedOutAsync(signIn, response);
    }

    [Fact]
    public async Task Token_issued_to_another_northwind_client_is_refused()
    {
        var signIn = await StartAsync();
        var response = await ReturnWithAsync(signIn, _northwind.SignedWithPublishedKey(
            FakeNorthwind.Claims(signIn.Nonce, c => (c["aud"], c["azp"]) = ("northwind-intranet", "northwind-intranet"))));
        await AssertRefusedAndSignedOutAsync(signIn, response);
    }

    [Fact]
    public async Task Token_for_several_audiences_authorised_to_another_client_is_refused()
    {
        var signIn = await StartAsync();
        var response = await ReturnWithAsync(signIn, _northwind.SignedWithPublishedKey(
            FakeNorthwind.Claims(signIn.Nonce, c => (c["aud"], c["azp"]) = (new JsonArray("shop-broker", "northwind-intranet"), "northwind-intranet"))));
        await AssertRefusedAndSignedOutAsync(signIn, response);
    }

    [Fact]
    public async Task Token_from_another_issuer_is_refused()
    {
        var signIn = await StartAsync();
        var response = await ReturnWithAsync(signIn, _northwind.SignedWithPublishedKey(
            FakeNorthwind.Claims(signIn.Nonce, c => c["iss"] = "http://northwind.test/realms/other")));
        await AssertRefusedAndSignedOutAsync(signIn, response);
    }

    [Fact]
    public async Task Token_signed_by_a_key_not_in_northwinds_jwks_is_refused()
    {
        var signIn = await StartAsync();
        // Same kid as the published key: only the signature itself can tell them apart.
        var other = new RsaSecurityKey(RSA.Create(2048)) { KeyId = _northwind.PublishedKey.KeyId };
        var response = await ReturnWithAsync(signIn, FakeNorthwind.Sign(FakeNorthwind.Claims(signIn.Nonce),
            new SigningCredentials(other, SecurityAlgorithms.RsaSha256)));
        await AssertRefusedAndSignedOutAsync(signIn, response);
    }

    [Fact]
    public async Task Unsigned_token_with_alg_none_is_refused()
    {
        var signIn = await StartAsync();
        var response = await ReturnWithAsync(signIn, FakeNorthwind.Unsigned(FakeNorthwind.Claims(signIn.Nonce)));
        await AssertRefusedAndSignedOutAsync(signIn, response);
    }

    [Fact]
    public async Task Token_hs256_signed_with_northwinds_public_key_is_refused()
    {
        var signIn = await StartAsync();
        var response = await ReturnWithAsync(signIn, _northwind.HmacWithPublicKey(FakeNorthwind.Claims(signIn.Nonce)));
        await AssertRefusedAndSignedOutAsync(signIn, response);
    }

    [Fact]
    public async Task Expired_token_is_refused()
    {
        var signIn = await StartAsync();
        var hourAgo = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds();
        var response = await ReturnWithAsync(signIn, _northwind.SignedWithPublishedKey(
            FakeNorthwind.Claims(signIn.Nonce, c => (c["iat"], c["exp"], c["auth_time"]) = (hourAgo, hourAgo + 300, hourAgo))));
        await AssertRefusedAndSignedOutAsync(signIn, response);
    }
}
