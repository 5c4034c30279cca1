using System.Text.RegularExpressions;
using ShopAuthDemo.Testing.AppHost;
using ShopAuthDemo.Testing.AppHost.Browser;
using static Microsoft.Playwright.Assertions;

namespace ShopAuthDemo.EndToEnd.Web;

/// <summary>The newcomer's walkthrough in the shop: sign in as alice, order, see it paid, see who she is where.</summary>
public sealed class ShopFlowTests(LocalIdentityAppHost appHost, Chromium chromium) : IClassFixture<Chromium>
{
    private readonly WebApps _web = new(appHost);

    [Fact]
    public async Task Alice_signs_in_orders_and_sees_the_order_paid_and_her_identity_chain()
    {
        var page = await chromium.NewPageAsync();

        var orderId = await _web.OrderAsync(page, "alice", screenshot: "shop");

        await page.ClickAsync("#nav-orders");
        // Paid when placed (above); the shipping partner may have shipped it since.
        await Expect(page.GetByTestId($"order-status-{orderId}")).ToHaveTextAsync(new Regex("^(Paid|Shipped)$"));
        await Screenshots.SaveAsync(page, "shop-my-orders");

        await page.ClickAsync("#nav-identity");
        await Expect(page.GetByTestId("roles")).ToContainTextAsync("customer");
        await Expect(page.GetByTestId("claim-sub")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("hop-orders-api-user")).ToHaveTextAsync("alice");
        await Expect(page.GetByTestId("hop-orders-api-azp")).ToHaveTextAsync("shop-web");
        await Expect(page.GetByTestId("hop-catalog-api-user")).ToHaveTextAsync("service-account-orders-api");
        await Expect(page.GetByTestId("hop-payments-api-user")).ToHaveTextAsync("alice");
        await Expect(page.GetByTestId("hop-payments-api-azp")).ToHaveTextAsync("orders-api");
        await Expect(page.GetByTestId("hop-payments-api-aud")).ToHaveTextAsync("payments-api");
        // The transport's identity next to the token's: each hop's connection, authenticated by certificate.
        await Expect(page.GetByTestId("hop-orders-api-peer")).ToHaveTextAsync("shop-web");
        await Expect(page.GetByTestId("hop-payments-api-peer")).ToHaveTextAsync("orders-api");
        await Screenshots.SaveAsync(page, "shop-identity");

        // Decoded claims only: no JWT (they all start with a base64url-encoded '{"') reaches the browser.
        Assert.DoesNotContain("eyJ", await page.ContentAsync(), StringComparison.Ordinal);
    }
}
