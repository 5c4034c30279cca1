using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ShopAuthDemo.AppHost.WebApps;
using static Microsoft.Playwright.Assertions;

namespace ShopAuthDemo.Testing.AppHost.Browser;

/// <summary>What a user does in the shop and the back office, in a real browser.</summary>
public sealed class WebApps(AppHostFixture appHost)
{
    public static string Shop { get; } = WebAppUrls.ShopWeb();
    public static string Backoffice { get; } = WebAppUrls.BackofficeWeb();

    // On plain http (the development default) the cookie has no __Host- prefix.
    private const string ShopSessionCookieName = "shop.session";

    // The identity provider's sign-in form; Keycloak and the local stand-in use the same ids.
    private const string LoginFormPath = "/login-actions/authenticate";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static bool IsLoginPage(string url) => url.Contains(LoginFormPath, StringComparison.Ordinal)
        || url.Contains("/protocol/openid-connect/auth", StringComparison.Ordinal);

    /// <summary>Buttons work only once the circuit is connected: the layout says so with data-interactive.</summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        Expect(page.Locator(".app[data-interactive=true]")).ToBeVisibleAsync();

    public async Task SignInAtIdentityProviderAsync(IPage page, string username)
    {
        await page.Locator("#username").WaitForAsync();
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", await appHost.GetParameterValueAsync("dev-user-password", Cancellation));
        await page.ClickAsync("#kc-login");
    }

    /// <summary>
    /// The identity provider asks a signed-in user for her password again (OIDC max_age, prompt=login). Keycloak
    /// shows the username fixed on that page; where a username box is offered, it is filled in as on a first sign-in.
    /// </summary>
    public async Task ReauthenticateAtIdentityProviderAsync(IPage page, string username)
    {
        await page.Locator("#password").WaitForAsync();
        var usernameBox = page.Locator("#username");
        if (await usernameBox.IsVisibleAsync() && await usernameBox.IsEditableAsync()) await usernameBox.FillAsync(username);
        await page.FillAsync("#password", await appHost.GetParameterValueAsync("dev-user-password", Cancellation));
        await page.ClickAsync("#kc-login");
    }

    /// <summary>Opens a page that needs a signed-in user and signs in with the password on the way.</summary>
    public async Task SignInAsync(IPage page, string app, string username, string path = "/")
    {
        await page.GotoAsync(app + path);
        await SignInAtIdentityProviderAsync(page, username);
        await page.WaitForURLAsync(new Regex($"^{Regex.Escape(app)}"), new() { WaitUntil = WaitUntilState.Commit });
        await WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(username);
    }

    /// <summary>Puts a product in the cart and places the order (signing in first when needed); returns the order id.</summary>
    public async Task<string> OrderAsync(IPage page, string username, int productId = 1, string? screenshot = null)
    {
        await page.GotoAsync(Shop + "/");
        await WaitUntilInteractiveAsync(page);
        if (screenshot is not null) await Screenshots.SaveAsync(page, $"{screenshot}-catalog");
        await AddToCartAsync(page, productId);
        await page.ClickAsync("#nav-cart");

        var signIn = page.Locator("#sign-in-to-order");
        var placeOrder = page.Locator("#place-order");
        await Expect(signIn.Or(placeOrder)).ToBeVisibleAsync();
        if (await signIn.IsVisibleAsync())
        {
            await signIn.ClickAsync();
            await SignInAtIdentityProviderAsync(page, username);
            await page.WaitForURLAsync(Shop + "/cart", new() { WaitUntil = WaitUntilState.Commit });
            await WaitUntilInteractiveAsync(page);
        }

        // The cart survived the trip to the identity provider and back.
        await Expect(page.GetByTestId($"cart-line-{productId}")).ToBeVisibleAsync();
        await page.ClickAsync("#place-order");
        await Expect(page.GetByTestId("order-status")).ToHaveTextAsync("Paid");
        if (screenshot is not null) await Screenshots.SaveAsync(page, $"{screenshot}-order-placed");
        return (await page.GetByTestId("placed-order-id").TextContentAsync())!;
    }

    // On a busy 2-core machine a click right after the circuit connected was once lost (CI, Web/SingleSignOnTests):
    // the button is clicked again until the cart counts it. A second item does no harm to any test.
    public static async Task AddToCartAsync(IPage page, int productId)
    {
        var count = page.GetByTestId("cart-count");
        for (var attempt = 1; ; attempt++)
        {
            await page.ClickAsync($"#add-to-cart-{productId}");
            try
            {
                await Expect(count).Not.ToHaveTextAsync("0", new() { Timeout = 15_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                await WaitUntilInteractiveAsync(page);
            }
        }
    }

    /// <summary>The shop's session cookie in this page's browser.</summary>
    public static async Task<BrowserContextCookiesResult> ShopSessionCookieAsync(IPage page) =>
        (await page.Context.CookiesAsync([Shop])).Single(c => c.Name == ShopSessionCookieName);

    /// <summary>
    /// The shop's orders page with only this cookie, from outside the browser (a copied cookie): 200 while its
    /// session lives, otherwise a redirect to the sign-in.
    /// </summary>
    public static async Task<HttpResponseMessage> GetShopOrdersWithCookieAsync(BrowserContextCookiesResult cookie)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Shop}/orders");
        request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        return await client.SendAsync(request, Cancellation);
    }

    /// <summary>Clicks "Sign out" and follows the round trip through the identity provider back to the app.</summary>
    public static async Task SignOutAsync(IPage page, string app)
    {
        await WaitUntilInteractiveAsync(page);
        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync(new Regex($"^{Regex.Escape(app)}/(signed-out)?$"), new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.GetByTestId("signed-out")).ToBeVisibleAsync();
    }
}
