using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ShopAuthDemo.Testing.AppHost;
using ShopAuthDemo.Testing.AppHost.Browser;
using static Microsoft.Playwright.Assertions;

namespace ShopAuthDemo.EndToEnd.Federation;

/// <summary>dave of Northwind Traders in a real browser: signed in by his company's identity provider, a customer of the shop.</summary>
public sealed class NorthwindBrowserTests(LocalIdentityAppHost appHost, Chromium chromium) : IClassFixture<Chromium>
{
    private const string LocalUsername = "northwind.dave";
    private readonly WebApps _web = new(appHost);

    [Fact]
    public async Task Dave_signs_in_through_northwind_orders_sees_it_in_my_orders_and_the_chain_names_northwind()
    {
        var page = await chromium.NewPageAsync();
        await SignInToShopThroughNorthwindAsync(page);
        await WebApps.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(LocalUsername);

        var orderId = await _web.OrderAsync(page, LocalUsername, screenshot: "northwind-dave");
        await page.ClickAsync("#nav-orders");
        await Expect(page.Locator($"[data-testid=order-row][data-order-id='{orderId}']")).ToBeVisibleAsync();

        // The shop's own token, with a note of where dave signed in; every hop behind it sees the same.
        await page.GotoAsync(WebApps.Shop + "/identity");
        await Expect(page.GetByTestId("claim-identity_provider")).ToContainTextAsync("northwind");
        await Expect(page.GetByTestId("hop-orders-api-idp")).ToHaveTextAsync("northwind");
        await Expect(page.GetByTestId("hop-payments-api-idp")).ToHaveTextAsync("northwind");
        await Screenshots.SaveAsync(page, "northwind-dave-identity");
    }

    [Fact]
    public async Task Dave_is_signed_in_to_the_back_office_by_sso_and_denied_for_want_of_the_staff_role()
    {
        var page = await chromium.NewPageAsync();
        await SignInToShopThroughNorthwindAsync(page);

        await page.GotoAsync(WebApps.Backoffice + "/");
        await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("denied-user")).ToHaveTextAsync(LocalUsername);
        await Expect(page.GetByTestId("needed-role")).ToHaveTextAsync("staff");
        await Screenshots.SaveAsync(page, "northwind-dave-backoffice-denied");
    }

    [Fact]
    public async Task Signing_out_of_the_shop_ends_the_shop_session_the_back_office_session_and_the_northwind_session()
    {
        var page = await chromium.NewPageAsync();
        await SignInToShopThroughNorthwindAsync(page);
        await page.GotoAsync(WebApps.Backoffice + "/");
        await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();

        // Northwind remembers dave: with only Northwind's cookies left, signing in to the shop asks for no password.
        await KeepOnlyNorthwindCookiesAsync(page);
        await page.GotoAsync(WebApps.Shop + "/orders");
        await page.ClickAsync("#social-northwind");
        await page.WaitForURLAsync(WebApps.Shop + "/orders", new() { WaitUntil = WaitUntilState.Commit });
        await WebApps.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(LocalUsername);
        await page.GotoAsync(WebApps.Backoffice + "/");
        await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();

        // Sign out of the shop: the shop's realm, the back office (back-channel logout) and Northwind all end.
        var visited = new List<string>();
        page.Request += (_, request) => visited.Add(request.Url);
        await page.GotoAsync(WebApps.Shop + "/");
        await WebApps.SignOutAsync(page, WebApps.Shop);
        Assert.Contains(visited, url => url.Contains("/realms/northwind/protocol/openid-connect/logout", StringComparison.Ordinal));

        await page.GotoAsync(WebApps.Backoffice + "/signed-out");
        await Expect(page.GetByTestId("signed-out-message")).ToBeVisibleAsync();
        await page.GotoAsync(WebApps.Shop + "/orders");
        await page.ClickAsync("#social-northwind");
        await Expect(page).ToHaveURLAsync(new Regex("/realms/northwind/login-actions/authenticate"));
        await Expect(page.Locator("#password")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "northwind-signed-out");
    }

    // My orders, which needs a sign-in: on the shop's sign-in page "Sign in with Northwind Traders", then dave's
    // password at Northwind, and back.
    private async Task SignInToShopThroughNorthwindAsync(IPage page)
    {
        await page.GotoAsync(WebApps.Shop + "/orders");
        await page.ClickAsync("#social-northwind");
        await Expect(page).ToHaveURLAsync(new Regex("/realms/northwind/"));
        await Expect(page.Locator("h1")).ToContainTextAsync("Northwind Traders");
        await _web.SignInAtIdentityProviderAsync(page, "dave");
        await page.WaitForURLAsync(WebApps.Shop + "/orders", new() { WaitUntil = WaitUntilState.Commit });
    }

    private static async Task KeepOnlyNorthwindCookiesAsync(IPage page)
    {
        var northwind = (await page.Context.CookiesAsync())
            .Where(c => c.Path.StartsWith("/realms/northwind", StringComparison.Ordinal))
            .Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite })
            .ToList();
        Assert.NotEmpty(northwind);
        await page.Context.ClearCookiesAsync();
        await page.Context.AddCookiesAsync(northwind);
    }
}
