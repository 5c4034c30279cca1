using System.Net;
using ShopAuthDemo.Testing;

namespace ShopAuthDemo.Tests.IdentityLocal.Support;

/// <summary>The identity provider's sign-in form as a person uses it: open the page, type, send.</summary>
public static class LoginForm
{
    public const string Path = "/realms/shop/login-actions/authenticate";

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string username, string password,
        string returnUrl = "/realms/shop/login-actions/status")
    {
        var page = await browser.GetStringAsync($"{Path}?returnUrl={Uri.EscapeDataString(returnUrl)}");
        return await SubmitOnPageAsync(browser, page, username, password);
    }

    /// <summary>Sends the form of a login page the browser already shows (its antiforgery token and return URL).</summary>
    public static Task<HttpResponseMessage> SubmitOnPageAsync(HttpClient browser, string page, string username, string password) =>
        browser.PostAsync(Path, new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", OidcBrowserFlow.HiddenInput(page, "__RequestVerificationToken")),
            new("returnUrl", WebUtility.HtmlDecode(OidcBrowserFlow.HiddenInput(page, "returnUrl"))),
            new("username", username),
            new("password", password),
        ]));
}
