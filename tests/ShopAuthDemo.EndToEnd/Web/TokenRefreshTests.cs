using ShopAuthDemo.Testing.AppHost;
using ShopAuthDemo.Testing.AppHost.Browser;
using static Microsoft.Playwright.Assertions;

namespace ShopAuthDemo.EndToEnd.Web;

/// <summary>
/// The web apps' access tokens live 20 s in this test run (<see cref="AppHostFixture.WebAccessTokenLifespan"/>).
/// An interactive page — one circuit, no page load, no HttpContext — must still get a fresh one.
/// </summary>
public sealed class TokenRefreshTests(LocalIdentityAppHost appHost, Chromium chromium) : IClassFixture<Chromium>
{
    private const string RenewedLogLine = "renewed with the refresh token";

    private readonly WebApps _web = new(appHost);

    [Fact]
    public async Task Interactive_orders_page_still_loads_orders_after_the_first_access_token_expired()
    {
        await using var shopLog = new ResourceLog(appHost.App, "shop-web");
        var page = await chromium.NewPageAsync();
        await _web.SignInAsync(page, WebApps.Shop, "alice", "/orders");
        var firstTokenExpires = DateTimeOffset.UtcNow + AppHostFixture.WebAccessTokenLifespan;
        await Expect(page.GetByTestId("orders").Or(page.GetByTestId("no-orders"))).ToBeVisibleAsync();
        var loads = int.Parse((await page.GetByTestId("orders-load-count").TextContentAsync())!);
        var renewedBefore = await shopLog.SettledCountAsync(RenewedLogLine, TestContext.Current.CancellationToken);

        var wait = firstTokenExpires + TimeSpan.FromSeconds(2) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait, TestContext.Current.CancellationToken);
        // Same page, same circuit: the click runs on the server without a request that carries the cookie.
        await page.ClickAsync("#refresh-orders");

        await Expect(page.GetByTestId("orders-load-count")).ToHaveTextAsync((loads + 1).ToString());
        await Expect(page.GetByTestId("problem")).Not.ToBeVisibleAsync();
        await Expect(page.GetByTestId("orders").Or(page.GetByTestId("no-orders"))).ToBeVisibleAsync();
        var renewedAfter = await shopLog.SettledCountAsync(RenewedLogLine, TestContext.Current.CancellationToken);
        Assert.True(renewedAfter > renewedBefore, "shop-web did not renew the expired access token with the refresh token");
    }
}
