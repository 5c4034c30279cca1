using System.Net;
using ShopAuthDemo.Testing.AppHost.Browser;
using ShopAuthDemo.ScaleOut.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ShopAuthDemo.ScaleOut;

/// <summary>
/// Two shop replicas behind Aspire's proxy, sessions in Redis: losing the replica that served a user, or
/// restarting all of them, signs nobody out, and a back-channel logout ends the session whichever replica got it.
/// </summary>
public sealed class WebSessionsAcrossReplicasTests(ScaleOutAppHost appHost, Chromium chromium) : IClassFixture<Chromium>
{
    private readonly WebApps _web = new(appHost);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_shopper_stays_signed_in_with_her_cart_when_either_shop_replica_stops()
    {
        Assert.SkipWhen(appHost.SkipReason is not null, appHost.SkipReason ?? "");
        var page = await chromium.NewPageAsync();
        await _web.SignInAsync(page, WebApps.Shop, "alice", "/orders");
        await page.GotoAsync(WebApps.Shop + "/");
        await WebApps.WaitUntilInteractiveAsync(page);
        await WebApps.AddToCartAsync(page, productId: 2);

        // Whichever replica served her, one of these two stops is of that replica.
        foreach (var replica in appHost.ReplicasOf("shop-web"))
        {
            await appHost.StopReplicaAsync(replica, Cancellation);
            try
            {
                await OpenAsync(page, "/cart");
                await WebApps.WaitUntilInteractiveAsync(page);
                await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("alice");
                await Expect(page.GetByTestId("cart-line-2")).ToBeVisibleAsync();
                await page.ClickAsync("#place-order");
                await Expect(page.GetByTestId("order-status")).ToHaveTextAsync("Paid");

                // The next order starts from a fresh cart line, for the other replica's turn.
                await page.GotoAsync(WebApps.Shop + "/");
                await WebApps.WaitUntilInteractiveAsync(page);
                await WebApps.AddToCartAsync(page, productId: 2);
            }
            finally
            {
                await appHost.StartReplicaAsync(replica, CancellationToken.None);
            }
        }
    }

    // When the stopped replica held the page's circuit, the page reloads itself (Blazor's reconnect gives up on a
    // circuit the other replica does not know); a navigation of ours at that moment is aborted by the reload.
    private static async Task OpenAsync(Microsoft.Playwright.IPage page, string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.GotoAsync(WebApps.Shop + path);
                return;
            }
            catch (Microsoft.Playwright.PlaywrightException exception) when (attempt < 3 && exception.Message.Contains("ERR_ABORTED", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);
            }
        }
    }

    [Fact]
    public async Task Restarting_every_web_replica_signs_nobody_out()
    {
        Assert.SkipWhen(appHost.SkipReason is not null, appHost.SkipReason ?? "");
        var page = await chromium.NewPageAsync();
        await _web.SignInAsync(page, WebApps.Shop, "alice", "/orders");
        var cookie = await WebApps.ShopSessionCookieAsync(page);

        foreach (var replica in appHost.ReplicasOf("shop-web"))
        {
            await appHost.StopReplicaAsync(replica, Cancellation);
            await appHost.StartReplicaAsync(replica, Cancellation);
        }

        // Every request on a new connection, so both restarted replicas answer some of them.
        for (var request = 0; request < 6; request++)
        {
            using var orders = await WebApps.GetShopOrdersWithCookieAsync(cookie);
            Assert.Equal(HttpStatusCode.OK, orders.StatusCode);
        }
        await page.GotoAsync(WebApps.Shop + "/orders");
        await WebApps.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("alice");
    }

    [Fact]
    public async Task Signing_out_of_the_back_office_ends_the_shop_session_on_every_replica()
    {
        Assert.SkipWhen(appHost.SkipReason is not null, appHost.SkipReason ?? "");
        var page = await chromium.NewPageAsync();
        await _web.SignInAsync(page, WebApps.Backoffice, "carol");
        await page.GotoAsync(WebApps.Shop + "/orders");
        await WebApps.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("carol");
        var shopCookie = await WebApps.ShopSessionCookieAsync(page);

        await page.GotoAsync(WebApps.Backoffice + "/");
        await WebApps.SignOutAsync(page, WebApps.Backoffice);

        // The logout token reached one shop replica; the session is gone for both (each request a new connection).
        for (var request = 0; request < 6; request++)
        {
            using var orders = await WebApps.GetShopOrdersWithCookieAsync(shopCookie);
            Assert.Equal(HttpStatusCode.Redirect, orders.StatusCode);
            // Signed out: the page that needs a user sends the browser to the identity provider to sign in again.
            Assert.Contains("/protocol/openid-connect/auth", orders.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        }
    }
}
