using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ShopAuthDemo.Testing.AppHost;
using ShopAuthDemo.Testing.AppHost.Browser;

namespace ShopAuthDemo.EndToEnd.Web;

/// <summary>Login and logout take a return URL; one pointing off the site must not make them an open redirect.</summary>
public sealed class ReturnUrlTests(LocalIdentityAppHost appHost, Chromium chromium) : IClassFixture<Chromium>
{
    private readonly WebApps _web = new(appHost);

    public static TheoryData<string> OffSiteReturnUrls => new()
    {
        "//evil.example",
        "https://evil.example",
        "/\\evil.example",
        // Encoded forms, as a link would carry them (the server decodes the query once).
        Uri.EscapeDataString("//evil.example"),
        Uri.EscapeDataString("https://evil.example"),
        Uri.EscapeDataString("/\\evil.example"),
        "/%2F%2Fevil.example",
        "/%5Cevil.example",
        Uri.EscapeDataString(Uri.EscapeDataString("//evil.example")),
    };

    [Theory]
    [MemberData(nameof(OffSiteReturnUrls))]
    public async Task Off_site_return_url_stays_on_the_site_after_login_and_logout(string returnUrl)
    {
        var page = await chromium.NewPageAsync();
        var hosts = new List<string>();
        // Every request, redirects included, so a hop to evil.example is seen even if the browser moved on.
        page.Request += (_, request) => { if (Uri.TryCreate(request.Url, UriKind.Absolute, out var url)) hosts.Add(url.Host); };

        await page.GotoAsync($"{WebApps.Shop}/authentication/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await _web.SignInAtIdentityProviderAsync(page, "alice");
        await page.WaitForURLAsync(new Regex($"^{Regex.Escape(WebApps.Shop)}/"), new() { WaitUntil = WaitUntilState.Commit });
        await WebApps.WaitUntilInteractiveAsync(page);
        AssertStayedOnSite(page, hosts);

        // The sign-out form's return URL, changed the way an attacker's page would post it.
        await page.Locator("form.sign-out input[name=returnUrl]").EvaluateAsync("(input, value) => input.value = value", returnUrl);
        await WebApps.SignOutAsync(page, WebApps.Shop);
        AssertStayedOnSite(page, hosts);
    }

    private static void AssertStayedOnSite(IPage page, List<string> hosts)
    {
        Assert.Equal("localhost", new Uri(page.Url).Host);
        Assert.DoesNotContain("evil.example", hosts);
    }
}
