using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using ShopAuthDemo.Tests.Federation.Support;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using Xunit;
using static ShopAuthDemo.Tests.IdentityLocal.Support.TokenRequests;

namespace ShopAuthDemo.Tests.Federation;

/// <summary>
/// Dave works at Northwind Traders and signs in to the shop with his Northwind account: realm shop brokers realm
/// northwind, and shop-web still sees one issuer, the shop's, with a local user linked to dave's Northwind identity.
/// </summary>
public sealed class BrokeredSignInTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly FederatedRealms _realms = new();

    public ValueTask DisposeAsync() => _realms.DisposeAsync();

    [Fact]
    public async Task Dave_signs_in_to_shop_web_through_northwind_and_gets_shop_tokens()
    {
        var browser = _realms.NewBrowser();
        var flow = browser.ShopWeb();

        var loginPage = await browser.OpenShopLoginPageAsync(flow);
        Assert.Contains("Sign in with Northwind Traders", loginPage);
        var toNorthwind = await browser.GetAsync(FederationBrowser.NorthwindLink(loginPage));
        Assert.StartsWith(FederatedRealms.NorthwindIssuer + "/protocol/openid-connect/auth?", FederationBrowser.Next(toNorthwind)?.AbsoluteUri);
        var northwindLogin = await browser.FollowAsync(toNorthwind, stopAt: FederationBrowser.BrokerCallback);
        Assert.Contains("Sign in to Northwind Traders", await northwindLogin.Content.ReadAsStringAsync(Ct));
        var callback = await browser.SignInAtNorthwindAsync(toNorthwind, "dave", FederatedRealms.DavesPassword);
        var code = await browser.FinishAtShopAsync(flow, callback);
        var tokens = await JsonAsync(await flow.RedeemAsync(code, LocalIdentityProviderFactory.Secrets["SHOP_WEB_CLIENT_SECRET"], flow.Pkce.Verifier));

        var access = new JsonWebToken(tokens.GetProperty("access_token").GetString());
        Assert.Equal(LocalIdentityProviderFactory.Issuer, access.Issuer);
        Assert.Contains("customer", RealmRoles(access));
        Assert.Equal("northwind", access.GetClaim("identity_provider").Value);
        Assert.Equal("northwind.dave", access.GetClaim("preferred_username").Value);
        var idToken = new JsonWebToken(tokens.GetProperty("id_token").GetString());
        Assert.Equal(LocalIdentityProviderFactory.Issuer, idToken.Issuer);
        Assert.Equal("northwind", idToken.GetClaim("identity_provider").Value);
        Assert.Equal(access.Subject, idToken.Subject);

        var userInfo = await JsonAsync(await UserInfoAsync(_realms.Shop.CreateClient(), access.EncodedToken));
        Assert.Equal(access.Subject, userInfo.GetProperty("sub").GetString());
        Assert.Equal("Northwind Traders", userInfo.GetProperty("company").GetString());
        Assert.Equal("dave@northwind.example", userInfo.GetProperty("email").GetString());
        Assert.Equal("Dave Buchanan", userInfo.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Northwind_subject_is_not_the_shop_subject()
    {
        // Apps behind realm shop key their data by the shop's sub; Northwind's is only the link.
        var browser = _realms.NewBrowser();
        var tokens = await browser.SignInToShopWebAsync(browser.ShopWeb());

        var access = new JsonWebToken(tokens.GetProperty("access_token").GetString());
        Assert.NotEqual("0b9a6f3e-5d1c-4c7a-9f43-6a2d8e1b7c55", access.Subject);
        Assert.Contains("You are signed in as northwind.dave", await browser.ShopStatusAsync());
    }

    [Fact]
    public async Task Second_sign_in_of_dave_in_a_new_browser_is_the_same_shop_user()
    {
        var first = _realms.NewBrowser();
        var firstTokens = await first.SignInToShopWebAsync(first.ShopWeb());
        var second = _realms.NewBrowser();
        var secondTokens = await second.SignInToShopWebAsync(second.ShopWeb());

        Assert.Equal(Subject(firstTokens), Subject(secondTokens));
        Assert.Equal("northwind.dave", new JsonWebToken(secondTokens.GetProperty("access_token").GetString()).GetClaim("preferred_username").Value);
    }

    private static string Subject(JsonElement tokens) => new JsonWebToken(tokens.GetProperty("access_token").GetString()).Subject;
}
