using System.Net;
using System.Text.Json.Nodes;
using ShopAuthDemo.Tests.Federation.Support;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Federation;

/// <summary>
/// A first Northwind sign-in never takes over a shop account that has the same email or username: whoever runs
/// Northwind could otherwise sign in as any shop customer by giving someone their address. Refused, never linked.
/// </summary>
public sealed class BrokeredAccountCollisionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string ShopRealmWhere(string username, Action<JsonObject> change) => RealmFiles.WriteVariant(realm =>
        change(realm["users"]!.AsArray().Select(u => u!.AsObject()).Single(u => (string?)u["username"] == username)));

    private static async Task AssertRefusedAsync(FederatedRealms realms)
    {
        var browser = realms.NewBrowser();
        var link = FederationBrowser.NorthwindLink(await browser.OpenShopLoginPageAsync(browser.ShopWeb()));
        var callback = await browser.SignInAtNorthwindAsync(await browser.GetAsync(link), "dave", FederatedRealms.DavesPassword);

        var response = await browser.GetAsync(callback);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("An account here already uses your Northwind Traders name or email",
            WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
        Assert.Contains("You are signed out.", await browser.ShopStatusAsync());
    }

    [Fact]
    public async Task Shop_user_with_daves_email_is_not_linked_and_the_sign_in_is_refused()
    {
        await using var realms = new FederatedRealms(shopRealmFile: ShopRealmWhere("alice", u => u["email"] = "dave@northwind.example"));

        await AssertRefusedAsync(realms);
        // Still refused the next time: nothing was linked by the first attempt.
        await AssertRefusedAsync(realms);
    }

    [Fact]
    public async Task Shop_user_named_like_daves_brokered_username_is_not_linked_and_the_sign_in_is_refused()
    {
        await using var realms = new FederatedRealms(shopRealmFile: ShopRealmWhere("bob", u => u["username"] = "northwind.dave"));

        await AssertRefusedAsync(realms);
    }
}
