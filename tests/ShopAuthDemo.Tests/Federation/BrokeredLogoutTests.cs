using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using ShopAuthDemo.Tests.Federation.Support;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Federation;

/// <summary>
/// Signing out of shop-web after a Northwind sign-in ends the shop's session (back-channel logout to its apps), then
/// Northwind's session, then returns to shop-web: nobody is left signed in at either site.
/// </summary>
public sealed class BrokeredLogoutTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string ShopLogoutPath = "/realms/shop/protocol/openid-connect/logout";
    private const string ShopWebSignedOut = LocalIdentityProviderFactory.ShopWebUrl + "/signout-callback-oidc";

    private BackchannelLogoutReceiver _receiver = null!;
    private FederatedRealms _realms = null!;

    public async ValueTask InitializeAsync()
    {
        _receiver = await BackchannelLogoutReceiver.StartAsync();
        _realms = new FederatedRealms(_receiver.BaseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await _realms.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private static string LogoutUrl(JsonElement tokens) => QueryHelpers.AddQueryString(ShopLogoutPath, new Dictionary<string, string?>
    {
        ["id_token_hint"] = tokens.GetProperty("id_token").GetString(),
        ["post_logout_redirect_uri"] = ShopWebSignedOut,
        ["state"] = "bye",
    });

    [Fact]
    public async Task Logout_at_shop_ends_the_northwind_session_too_and_returns_to_shop_web()
    {
        var browser = _realms.NewBrowser();
        var tokens = await browser.SignInToShopWebAsync(browser.ShopWeb());

        var toNorthwind = FederationBrowser.Next(await browser.Shop.GetAsync(LogoutUrl(tokens), Ct))!;

        Assert.Equal(FederatedRealms.NorthwindIssuer + "/protocol/openid-connect/logout", toNorthwind.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(toNorthwind.Query);
        Assert.True(query.TryGetValue("id_token_hint", out var idTokenHint), "Northwind ends the session its ID token names");
        var hint = new JsonWebToken(idTokenHint.ToString());
        Assert.Equal(FederatedRealms.NorthwindIssuer, hint.Issuer);
        Assert.Equal(["shop-broker"], hint.Audiences);
        Assert.Equal("shop-broker", query["client_id"].ToString());
        Assert.Equal(FederationBrowser.BrokerCallback + "/logout_response", query["post_logout_redirect_uri"].ToString());
        Assert.False(string.IsNullOrEmpty(query["state"]));

        var backAtShop = FederationBrowser.Next(await browser.GetAsync(toNorthwind))!;
        Assert.StartsWith(FederationBrowser.BrokerCallback + "/logout_response?state=", backAtShop.AbsoluteUri);
        var toShopWeb = await browser.GetAsync(backAtShop);
        Assert.Equal(ShopWebSignedOut + "?state=bye", toShopWeb.Headers.Location?.OriginalString);

        Assert.Contains("You are signed out.", await browser.ShopStatusAsync());
        Assert.Equal(["/shop"], _receiver.Received.Select(r => r.Path));
        // Northwind asks for dave's password again: its session is over too.
        var link = FederationBrowser.NorthwindLink(await browser.OpenShopLoginPageAsync(browser.ShopWeb()));
        var atNorthwind = await browser.FollowAsync(await browser.GetAsync(link), stopAt: FederationBrowser.BrokerCallback);
        Assert.Equal(HttpStatusCode.OK, atNorthwind.StatusCode);
        Assert.Contains("type=\"password\"", await atNorthwind.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Without_logout_northwind_signs_dave_in_again_without_asking()
    {
        // The control for the test above: the second Northwind visit shows no form only because its session lives.
        var browser = _realms.NewBrowser();
        await browser.SignInToShopWebAsync(browser.ShopWeb());

        var link = FederationBrowser.NorthwindLink(await browser.Shop.GetStringAsync(
            $"/realms/shop/login-actions/authenticate?returnUrl={Uri.EscapeDataString(browser.ShopWeb().AuthorizeUrl())}", Ct));
        var atNorthwind = await browser.FollowAsync(await browser.GetAsync(link), stopAt: FederationBrowser.BrokerCallback);

        Assert.StartsWith(FederationBrowser.BrokerCallback + "?", FederationBrowser.Next(atNorthwind)?.AbsoluteUri);
    }

    [Fact]
    public async Task Logout_response_with_an_unknown_state_goes_to_the_status_page_not_elsewhere()
    {
        var response = await _realms.NewBrowser().Shop.GetAsync(FederationBrowser.BrokerCallback + "/logout_response?state=forged", Ct);

        Assert.Equal(FederationBrowser.StatusPath, response.Headers.Location?.OriginalString);
    }
}
