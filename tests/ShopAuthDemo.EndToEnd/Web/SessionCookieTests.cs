using System.Net;
using Microsoft.Playwright;
using ShopAuthDemo.Testing.AppHost;
using ShopAuthDemo.Testing.AppHost.Browser;
using static Microsoft.Playwright.Assertions;

namespace ShopAuthDemo.EndToEnd.Web;

/// <summary>The session cookie: out of scripts' reach, off cross-site requests, and worthless once signed out.</summary>
public sealed class SessionCookieTests(LocalIdentityAppHost appHost, Chromium chromium) : IClassFixture<Chromium>
{
    private readonly WebApps _web = new(appHost);

    [Fact]
    public async Task Session_cookie_is_http_only_and_same_site_lax_and_holds_no_tokens()
    {
        var page = await chromium.NewPageAsync();
        await _web.SignInAsync(page, WebApps.Shop, "alice", "/orders");

        var cookie = await WebApps.ShopSessionCookieAsync(page);

        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
        // Plain http in development; the cookie is marked Secure whenever the shop is served over https.
        Assert.False(cookie.Secure);
        // Only a session key, encrypted: the tokens stay on the server.
        Assert.True(cookie.Value.Length < 1024, $"the session cookie is {cookie.Value.Length} characters long");
        Assert.DoesNotContain("eyJ", cookie.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_by_get_or_without_an_antiforgery_token_does_not_sign_out()
    {
        var page = await chromium.NewPageAsync();
        await _web.SignInAsync(page, WebApps.Shop, "alice", "/orders");
        var request = page.Context.APIRequest;

        var byGet = await request.GetAsync($"{WebApps.Shop}/authentication/logout", new() { MaxRedirects = 0 });
        var withoutAntiforgery = await request.PostAsync($"{WebApps.Shop}/authentication/logout",
            new() { Form = request.CreateFormData().Set("returnUrl", "/"), MaxRedirects = 0 });

        // No GET logout endpoint exists at all (404 or 405, depending on what else the router matches).
        Assert.Contains(byGet.Status, new[] { (int)HttpStatusCode.NotFound, (int)HttpStatusCode.MethodNotAllowed });
        Assert.Equal((int)HttpStatusCode.BadRequest, withoutAntiforgery.Status);
        await page.GotoAsync(WebApps.Shop + "/orders");
        await WebApps.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("alice");
    }

    [Fact]
    public async Task Session_cookie_copied_before_logout_is_refused_after_it()
    {
        var page = await chromium.NewPageAsync();
        await _web.SignInAsync(page, WebApps.Shop, "alice", "/orders");
        var copied = await WebApps.ShopSessionCookieAsync(page);

        using var before = await WebApps.GetShopOrdersWithCookieAsync(copied);
        await WebApps.SignOutAsync(page, WebApps.Shop);
        using var after = await WebApps.GetShopOrdersWithCookieAsync(copied);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        // The session is gone from the server: the copy is just an unknown key, so sign-in starts again.
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/protocol/openid-connect/auth", after.Headers.Location?.ToString());
    }
}
