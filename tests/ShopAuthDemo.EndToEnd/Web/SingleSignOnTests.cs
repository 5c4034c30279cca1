using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ShopAuthDemo.Testing.AppHost;
using ShopAuthDemo.Testing.AppHost.Browser;
using static Microsoft.Playwright.Assertions;

namespace ShopAuthDemo.EndToEnd.Web;

/// <summary>Two apps, one identity provider session: sign in once (SSO), sign out once (single logout).</summary>
public sealed class SingleSignOnTests(LocalIdentityAppHost appHost, Chromium chromium) : IClassFixture<Chromium>
{
    private readonly WebApps _web = new(appHost);

    [Fact]
    public async Task Back_office_signs_alice_in_without_a_password_and_denies_her_then_carol_sees_her_order_and_changes_a_price()
    {
        var alice = await chromium.NewPageAsync();
        var orderId = await _web.OrderAsync(alice, "alice");

        // SSO: the identity provider remembers alice, so the back office gets her without a login form.
        var visited = new List<string>();
        // Every request, redirects included: the trip through the identity provider is all redirects.
        alice.Request += (_, request) => visited.Add(request.Url);
        await alice.GotoAsync(WebApps.Backoffice + "/");
        await Expect(alice.GetByTestId("access-denied")).ToBeVisibleAsync();
        Assert.DoesNotContain(visited, url => url.Contains("/login-actions/authenticate", StringComparison.Ordinal));
        Assert.Contains(visited, url => url.Contains("/protocol/openid-connect/auth", StringComparison.Ordinal));
        await Expect(alice.GetByTestId("denied-user")).ToHaveTextAsync("alice");
        // Least privilege: the back office's tokens carry only staff and admin, so alice's customer role stays in the shop.
        await Expect(alice.GetByTestId("denied-roles")).ToHaveTextAsync("(none)");
        await Expect(alice.GetByTestId("needed-role")).ToHaveTextAsync("staff");
        await Screenshots.SaveAsync(alice, "backoffice-access-denied");

        var carol = await chromium.NewPageAsync();
        await _web.SignInAsync(carol, WebApps.Backoffice, "carol");
        await Expect(carol.Locator($"[data-testid=staff-order-row][data-order-id='{orderId}']")).ToBeVisibleAsync();
        // Paid, or already Shipped: the shipping partner picks up paid orders in the background.
        await Expect(carol.GetByTestId($"staff-order-status-{orderId}")).ToHaveTextAsync(new Regex("^(Paid|Shipped)$"));
        await Screenshots.SaveAsync(carol, "backoffice-all-orders");

        var newPrice = (10 + Random.Shared.Next(0, 2000) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
        await carol.ClickAsync("#nav-prices");
        await WebApps.WaitUntilInteractiveAsync(carol);
        await carol.FillAsync("#price-input-6", newPrice);
        await carol.ClickAsync("#save-price-6");
        await Expect(carol.GetByTestId("price-saved")).ToContainTextAsync(newPrice);
        await Screenshots.SaveAsync(carol, "backoffice-prices");

        await alice.GotoAsync(WebApps.Shop + "/");
        await Expect(alice.GetByTestId("price-6")).ToHaveTextAsync(newPrice);
    }

    [Fact]
    public async Task Signing_out_of_the_shop_ends_the_back_office_session_too()
    {
        var page = await chromium.NewPageAsync();
        await _web.SignInAsync(page, WebApps.Shop, "alice", "/orders");
        await page.GotoAsync(WebApps.Backoffice + "/");
        await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("alice");

        await page.GotoAsync(WebApps.Shop + "/");
        await WebApps.SignOutAsync(page, WebApps.Shop);
        await Screenshots.SaveAsync(page, "shop-signed-out");

        // The identity provider told the back office (back-channel logout): its session is gone as well.
        await page.GotoAsync(WebApps.Backoffice + "/signed-out");
        await Expect(page.GetByTestId("signed-out-message")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "backoffice-signed-out");
        // And the identity provider's own session: opening the back office asks for a password again.
        await page.GotoAsync(WebApps.Backoffice + "/");
        await Expect(page.Locator("#password")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Signing_out_of_the_back_office_ends_the_shop_session_too()
    {
        var page = await chromium.NewPageAsync();
        await _web.SignInAsync(page, WebApps.Backoffice, "carol");
        await page.GotoAsync(WebApps.Shop + "/identity");
        await Expect(page.GetByTestId("identity-name")).ToHaveTextAsync("carol");

        await page.GotoAsync(WebApps.Backoffice + "/");
        await WebApps.SignOutAsync(page, WebApps.Backoffice);

        await page.GotoAsync(WebApps.Shop + "/");
        await WebApps.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("signed-out")).ToBeVisibleAsync();
    }
}
