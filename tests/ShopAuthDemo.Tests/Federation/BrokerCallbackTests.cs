using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using ShopAuthDemo.Identity.Local.Federation;
using ShopAuthDemo.Tests.Federation.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Federation;

/// <summary>
/// The broker's endpoint answers only the sign-in this browser started: right state, once, with the browser-binding
/// cookie; and a code Northwind has already redeemed is not accepted again.
/// </summary>
public sealed class BrokerCallbackTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string StartAgain = "This sign-in link is no longer valid. Start again from the sign-in page.";
    private readonly FederatedRealms _realms = new();

    public ValueTask DisposeAsync() => _realms.DisposeAsync();

    private async Task<Uri> CallbackAfterDaveSignsInAtNorthwindAsync(FederationBrowser browser)
    {
        var link = FederationBrowser.NorthwindLink(await browser.OpenShopLoginPageAsync(browser.ShopWeb()));
        return await browser.SignInAtNorthwindAsync(await browser.GetAsync(link), "dave", FederatedRealms.DavesPassword);
    }

    private static Uri WithQuery(Uri callback, string name, string value)
    {
        var query = QueryHelpers.ParseQuery(callback.Query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        query[name] = value;
        return new Uri(QueryHelpers.AddQueryString(callback.GetLeftPart(UriPartial.Path), query));
    }

    private static string Parameter(Uri url, string name) => QueryHelpers.ParseQuery(url.Query)[name].ToString();

    [Fact]
    public async Task Callback_with_a_state_this_realm_never_sent_is_400_and_says_to_start_again()
    {
        var browser = _realms.NewBrowser();
        var callback = await CallbackAfterDaveSignsInAtNorthwindAsync(browser);

        var response = await browser.GetAsync(WithQuery(callback, "state", "forged-state"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(StartAgain, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
        Assert.Contains("You are signed out.", await browser.ShopStatusAsync());
    }

    [Fact]
    public async Task Replayed_callback_is_refused_the_second_time_even_with_the_binding_cookie()
    {
        var browser = _realms.NewBrowser();
        var callback = await CallbackAfterDaveSignsInAtNorthwindAsync(browser);

        var first = await browser.GetAsync(callback);
        var replay = await browser.GetAsync(callback);
        // The binding cookie is deleted by the first answer; one copied before (history, a proxy log) must not help either.
        var copied = new HttpRequestMessage(HttpMethod.Get, callback);
        copied.Headers.Add("Cookie", first.RequestMessage!.Headers.GetValues("Cookie"));
        var replayWithCookie = await _realms.Shop.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(copied, Ct);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("IDENTITY_LOCAL_BROKER.", string.Join("; ", copied.Headers.GetValues("Cookie")));
        foreach (var refused in new[] { replay, replayWithCookie })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(StartAgain, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)));
        }
    }

    [Fact]
    public async Task Callback_opened_in_another_browser_is_refused_and_signs_nobody_in()
    {
        // Login CSRF: the attacker signs in at Northwind as himself and sends the victim the callback link.
        var attacker = _realms.NewBrowser();
        var callback = await CallbackAfterDaveSignsInAtNorthwindAsync(attacker);
        var victim = _realms.NewBrowser();

        var response = await victim.GetAsync(callback);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(StartAgain, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
        Assert.Contains("You are signed out.", await victim.ShopStatusAsync());
    }

    [Fact]
    public async Task Code_redeemed_before_is_refused_under_a_fresh_state_because_northwind_says_invalid_grant()
    {
        var browser = _realms.NewBrowser();
        var firstCallback = await CallbackAfterDaveSignsInAtNorthwindAsync(browser);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(firstCallback)).StatusCode);
        var usedCode = Parameter(firstCallback, "code");

        // A fresh sign-in in the same browser: a new state (and binding cookie), then the old code put under it.
        var fresh = FederationBrowser.Next(await browser.GetAsync(FederationBrowser.BrokerLoginPath + "?returnUrl=/realms/shop/login-actions/status"))!;
        var response = await browser.GetAsync(WithQuery(WithQuery(firstCallback, "state", Parameter(fresh, "state")), "code", usedCode));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Signing in with Northwind Traders failed", await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains(_realms.ShopLogs.Messages, m => m.Contains("northwind refused the code: 400 invalid_grant", StringComparison.Ordinal));
    }
}
