using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ShopAuthDemo.Testing;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using ShopAuthDemo.Tests.KeyRotation.Support;
using Xunit;
using static ShopAuthDemo.Tests.IdentityLocal.Support.TokenRequests;

namespace ShopAuthDemo.Tests.KeyRotation;

/// <summary>
/// Identity.Local rotates its signing key like Keycloak: new tokens carry the new kid, and the previous keys
/// stay in the JWKS so that tokens issued before the rotation keep verifying.
/// </summary>
public sealed class SigningKeyRotationTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string OrdersApiSecret = LocalIdentityProviderFactory.Secrets["ORDERS_API_CLIENT_SECRET"];
    private static readonly string ShopSecret = LocalIdentityProviderFactory.Secrets["SHOP_WEB_CLIENT_SECRET"];
    private static readonly string Password = LocalIdentityProviderFactory.Secrets["DEV_USER_PASSWORD"];

    private readonly LocalIdentityProviderFactory idp = new();

    [Fact]
    public async Task Rotation_publishes_the_new_key_next_to_the_old_one()
    {
        var old = Assert.Single(await RealmKeys.PublishedKidsAsync(idp));

        var response = await RealmKeys.RotateAsync(idp.CreateClient(), RealmKeys.Basic("admin", LocalIdentityProviderFactory.AdminPassword));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        var kid = body.GetProperty("kid").GetString()!;
        Assert.NotEqual(old, kid);
        Assert.Equal([kid, old], body.GetProperty("publishedKids").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(new[] { kid, old }.Order(), await RealmKeys.PublishedKidsAsync(idp));
    }

    [Fact]
    public async Task Access_token_issued_after_rotation_names_the_new_key()
    {
        var before = await ServiceTokenAsync();

        var kid = await RealmKeys.RotateAsync(idp);
        var after = await ServiceTokenAsync();

        Assert.NotEqual(kid, before.Kid);
        Assert.Equal(kid, after.Kid);
        Assert.True(await VerifiesAgainstJwksAsync(after));
    }

    [Fact]
    public async Task Access_token_issued_before_rotation_still_verifies_against_the_published_keys()
    {
        var before = await ServiceTokenAsync();

        await RealmKeys.RotateAsync(idp);

        Assert.True(await VerifiesAgainstJwksAsync(before));
    }

    [Fact]
    public async Task Only_the_three_newest_keys_stay_published()
    {
        var first = await ServiceTokenAsync();

        string[] rotated = [await RealmKeys.RotateAsync(idp), await RealmKeys.RotateAsync(idp), await RealmKeys.RotateAsync(idp)];

        Assert.Equal(rotated.Order(), await RealmKeys.PublishedKidsAsync(idp));
        Assert.False(await VerifiesAgainstJwksAsync(first), "a token signed with a retired key must no longer verify");
    }

    [Fact]
    public async Task Web_sign_in_from_before_rotation_refreshes_into_tokens_signed_with_the_new_key()
    {
        var flow = new OidcBrowserFlow(idp.CreateBrowser(), "shop-web", LocalIdentityProviderFactory.ShopWebUrl + "/signin-oidc");
        var signIn = await flow.SignInAsync("alice", Password, ShopSecret);

        var kid = await RealmKeys.RotateAsync(idp);
        // The refresh token was signed with the previous key; OpenIddict must still accept it.
        var refresh = await PostAsync(idp.CreateClient(), ("grant_type", "refresh_token"),
            ("refresh_token", signIn.GetProperty("refresh_token").GetString()!), ("client_id", "shop-web"), ("client_secret", ShopSecret));

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var tokens = await JsonAsync(refresh);
        Assert.Equal(kid, new JsonWebToken(tokens.GetProperty("access_token").GetString()).Kid);
        Assert.Equal(kid, new JsonWebToken(tokens.GetProperty("id_token").GetString()).Kid);
    }

    [Fact]
    public async Task Logout_token_after_rotation_is_signed_with_the_new_key()
    {
        await using var receiver = await BackchannelLogoutReceiver.StartAsync();
        await using var idpWithReceiver = new LocalIdentityProviderFactory(receiver.BaseUrl);
        var browser = idpWithReceiver.CreateBrowser();
        var signIn = await new OidcBrowserFlow(browser, "shop-web", LocalIdentityProviderFactory.ShopWebUrl + "/signin-oidc")
            .SignInAsync("alice", Password, ShopSecret);

        var kid = await RealmKeys.RotateAsync(idpWithReceiver);
        // The ID token hint was signed with the previous key and is still accepted as proof of the session.
        await browser.GetAsync("/realms/shop/protocol/openid-connect/logout?id_token_hint=" +
            Uri.EscapeDataString(signIn.GetProperty("id_token").GetString()!) +
            "&post_logout_redirect_uri=" + Uri.EscapeDataString(LocalIdentityProviderFactory.ShopWebUrl + "/signout-callback-oidc"), Ct);

        var (_, logoutToken) = Assert.Single(receiver.Received);
        Assert.Equal(kid, new JsonWebToken(logoutToken).Kid);
    }

    private async Task<JsonWebToken> ServiceTokenAsync() =>
        await AccessTokenAsync(await ClientCredentialsAsync(idp.CreateClient(), "orders-api", OrdersApiSecret, "catalog"));

    // What an API does: only the key the token's kid names, from the JWKS published now.
    private async Task<bool> VerifiesAgainstJwksAsync(JsonWebToken token)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token.EncodedToken, new TokenValidationParameters
        {
            ValidIssuer = LocalIdentityProviderFactory.Issuer,
            ValidAudience = "catalog-api",
            IssuerSigningKeys = (await RealmKeys.JwksAsync(idp)).GetSigningKeys(),
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
        return result.IsValid;
    }

    public ValueTask DisposeAsync() => idp.DisposeAsync();
}
