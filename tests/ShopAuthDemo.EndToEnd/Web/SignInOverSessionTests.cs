using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ShopAuthDemo.Testing.AppHost;
using ShopAuthDemo.Testing.AppHost.Browser;
using static Microsoft.Playwright.Assertions;

namespace ShopAuthDemo.EndToEnd.Web;

/// <summary>
/// A sign-in arriving in a browser that already holds a shop session: the old session ends (its refresh token
/// revoked), the new user gets a session of their own; a signed-in user's login link just goes back.
/// </summary>
public sealed class SignInOverSessionTests(LocalIdentityAppHost appHost, Chromium chromium) : IClassFixture<Chromium>
{

    private readonly WebApps _web = new(appHost);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Alice_signing_in_again_in_a_second_tab_gets_a_fresh_session_and_the_old_one_ends()
    {
        await using var shopLog = new ResourceLog(appHost.App, "shop-web");
        // The identity provider keeps alice's session (same user), so only the shop can end the old one.
        var (page, oldCookie, _, sid) = await SignInOverSessionAsync("alice", "alice");

        await Expect(page.GetByTestId("orders").Or(page.GetByTestId("no-orders"))).ToBeVisibleAsync();
        await Expect(page.GetByTestId("problem")).Not.ToBeVisibleAsync();
        Assert.NotEqual(oldCookie.Value, (await WebApps.ShopSessionCookieAsync(page)).Value);
        Assert.Equal(HttpStatusCode.Redirect, await OrdersPageStatusAsync(oldCookie));
        Assert.Equal(1, await shopLog.SettledCountAsync($"(identity provider session {sid}) ended: replaced by a new sign-in", Cancellation));
        // Not revoked: it shares the identity provider's client session with the new sign-in, and Keycloak
        // ends that client session when one of its refresh tokens is revoked.
        Assert.Equal(0, shopLog.Count($"(identity provider session {sid}) revoked"));

        await WebApps.SignOutAsync(page, WebApps.Shop);

        // The new session's refresh token, and the identity provider's session: the next sign-in asks for a password.
        Assert.Equal(1, await shopLog.SettledCountAsync($"(identity provider session {sid}) revoked", Cancellation));
        await page.GotoAsync(WebApps.Shop + "/orders");
        await Expect(page.Locator("#password")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Bob_signing_in_over_alices_session_gets_his_own_session_and_his_logout_ends_it_everywhere()
    {
        await using var shopLog = new ResourceLog(appHost.App, "shop-web");
        var (bob, alicesCookie, _, alicesSid) = await SignInOverSessionAsync("alice", "bob");
        var bobsSid = await IdentityProviderSessionAsync(bob);
        await bob.GotoAsync(WebApps.Shop + "/orders");

        // bob's orders load: his own tokens, not alice's, under a new key.
        await Expect(bob.GetByTestId("orders").Or(bob.GetByTestId("no-orders"))).ToBeVisibleAsync();
        await Expect(bob.GetByTestId("problem")).Not.ToBeVisibleAsync();
        Assert.NotEqual(alicesSid, bobsSid);
        Assert.NotEqual(alicesCookie.Value, (await WebApps.ShopSessionCookieAsync(bob)).Value);
        // alice's old session is gone: ended by the shop, or before that by the identity provider's
        // back-channel logout when it replaced her session with bob's.
        Assert.Equal(HttpStatusCode.Redirect, await OrdersPageStatusAsync(alicesCookie));
        Assert.True(shopLog.Lines.Any(line => line.Contains($"identity provider session {alicesSid}", StringComparison.Ordinal)
            && line.Contains("ended", StringComparison.Ordinal)), "The shop's log shows no end of alice's session.");

        await WebApps.SignOutAsync(bob, WebApps.Shop);

        Assert.Equal(1, await shopLog.SettledCountAsync($"(identity provider session {bobsSid}) revoked", Cancellation));
        // The identity provider's session ended too: the next sign-in asks for a password.
        await bob.GotoAsync(WebApps.Shop + "/orders");
        await Expect(bob.Locator("#password")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Back_channel_logout_for_bob_ends_the_session_he_started_over_alices()
    {
        var (bob, _, identityProvider, _) = await SignInOverSessionAsync("alice", "bob");
        var bobsCookie = await WebApps.ShopSessionCookieAsync(bob);

        // Signing out at the identity provider itself (its own page, confirmed): it tells the shop by back channel.
        var idp = await bob.Context.NewPageAsync();
        await idp.GotoAsync(identityProvider + "/realms/shop/protocol/openid-connect/logout");
        await idp.ClickAsync("#kc-logout");
        await idp.WaitForURLAsync(new Regex("/realms/shop/"), new() { WaitUntil = WaitUntilState.Commit });

        // The shop's session for bob was found by bob's sid and sub, and ended.
        await WaitUntilAsync(async () => await OrdersPageStatusAsync(bobsCookie) == HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_signed_in_user_opening_the_login_link_lands_on_the_page_without_a_new_sign_in()
    {
        var page = await chromium.NewPageAsync();
        await _web.SignInAsync(page, WebApps.Shop, "alice", "/orders");
        var before = await WebApps.ShopSessionCookieAsync(page);
        var visited = new List<string>();
        page.Request += (_, request) => visited.Add(request.Url);

        // A bookmark, or a link on any other site.
        await page.GotoAsync(WebApps.Shop + "/authentication/login?returnUrl=%2Forders");

        await page.WaitForURLAsync(WebApps.Shop + "/orders", new() { WaitUntil = WaitUntilState.Commit });
        await WebApps.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("orders").Or(page.GetByTestId("no-orders"))).ToBeVisibleAsync();
        await Expect(page.GetByTestId("problem")).Not.ToBeVisibleAsync();
        Assert.DoesNotContain(visited, url => url.Contains("/protocol/openid-connect/auth", StringComparison.Ordinal));
        Assert.Equal(before.Value, (await WebApps.ShopSessionCookieAsync(page)).Value);
    }

    [Fact]
    public async Task Header_sign_in_link_returns_to_the_page_reached_by_in_app_navigation()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(WebApps.Shop + "/");
        await WebApps.WaitUntilInteractiveAsync(page);
        await page.ClickAsync("#nav-cart");
        await page.WaitForURLAsync(WebApps.Shop + "/cart");

        // What the user sees on the link: the cart, not the page the header was first rendered on.
        await Expect(page.Locator("#sign-in")).ToHaveAttributeAsync("href", new Regex("returnUrl=%2Fcart$"));
        await page.ClickAsync("#sign-in");
        await _web.SignInAtIdentityProviderAsync(page, "alice");

        await page.WaitForURLAsync(WebApps.Shop + "/cart", new() { WaitUntil = WaitUntilState.Commit });
        await WebApps.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("alice");
    }

    // One browser, two tabs: a sign-in form left open in one while the first user signs in in the other; then
    // the second user (or the same one again) uses the open form. The shop receives that sign-in on a request
    // that carries the first sign-in's live session cookie.
    private async Task<(IPage Page, BrowserContextCookiesResult FirstCookie, string IdentityProvider, string FirstSid)>
        SignInOverSessionAsync(string first, string second)
    {
        var waiting = await chromium.NewPageAsync();
        await waiting.GotoAsync(WebApps.Shop + "/authentication/login?returnUrl=%2Forders");
        await waiting.Locator("#username").WaitForAsync();
        var identityProvider = new Uri(waiting.Url).GetLeftPart(UriPartial.Authority);

        var other = await waiting.Context.NewPageAsync();
        await _web.SignInAsync(other, WebApps.Shop, first, "/orders");
        var firstCookie = await WebApps.ShopSessionCookieAsync(other);
        var firstSid = await IdentityProviderSessionAsync(other);
        await other.CloseAsync();

        await _web.SignInAtIdentityProviderAsync(waiting, second);
        await waiting.WaitForURLAsync(WebApps.Shop + "/orders", new() { WaitUntil = WaitUntilState.Commit });
        await WebApps.WaitUntilInteractiveAsync(waiting);
        await Expect(waiting.GetByTestId("signed-in-user")).ToHaveTextAsync(second);
        return (waiting, firstCookie, identityProvider, firstSid);
    }

    // The identity provider's session id, from the shop's Identity page (the ID token's sid claim).
    private static async Task<string> IdentityProviderSessionAsync(IPage page)
    {
        await page.GotoAsync(WebApps.Shop + "/identity");
        var sid = page.Locator("[data-testid='claim-sid'] td:nth-child(2)");
        await Expect(sid).Not.ToBeEmptyAsync();
        return (await sid.TextContentAsync())!.Trim();
    }

    private static async Task<HttpStatusCode> OrdersPageStatusAsync(BrowserContextCookiesResult cookie)
    {
        using var response = await WebApps.GetShopOrdersWithCookieAsync(cookie);
        return response.StatusCode;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true within 30 s.");
            await Task.Delay(250, Cancellation);
        }
    }
}
