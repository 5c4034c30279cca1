using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace ShopAuthDemo.Tests.IdentityLocal.Support;

/// <summary>
/// Drives the authorization code + PKCE flow the way a browser and a relying party would: follow the
/// redirect to the login page, post the form (with its antiforgery token), collect the code, redeem it.
/// </summary>
public sealed partial class OidcBrowserFlow(HttpClient browser, string clientId, string redirectUri)
{
    public Pkce Pkce { get; } = Pkce.Create();

    public string AuthorizeUrl(string scope = "openid profile email orders", string? challenge = null) =>
        QueryHelpers.AddQueryString("/realms/shop/protocol/openid-connect/auth", new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = "state-123",
            ["nonce"] = "nonce-456",
            ["code_challenge"] = challenge ?? Pkce.Challenge,
            ["code_challenge_method"] = "S256",
        });

    /// <summary>Signs in at the login page if asked to, and returns the authorization code.</summary>
    public async Task<string> GetCodeAsync(string username, string password, string scope = "openid profile email orders")
    {
        var response = await browser.GetAsync(AuthorizeUrl(scope));
        if (response.Headers.Location?.OriginalString.Contains("/login-actions/authenticate") == true)
        {
            var loginPage = await browser.GetStringAsync(response.Headers.Location);
            response = await browser.PostAsync("/realms/shop/login-actions/authenticate", new FormUrlEncodedContent(
            [
                new("__RequestVerificationToken", HiddenInput(loginPage, "__RequestVerificationToken")),
                new("returnUrl", WebUtility.HtmlDecode(HiddenInput(loginPage, "returnUrl"))),
                new("username", username),
                new("password", password),
            ]));
            if (response.StatusCode != HttpStatusCode.Redirect)
                throw new InvalidOperationException($"Login failed: {(int)response.StatusCode}");
            response = await browser.GetAsync(response.Headers.Location);
        }
        return CodeFrom(response);
    }

    public string CodeFrom(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString
            ?? throw new InvalidOperationException($"No redirect: {(int)response.StatusCode}");
        if (!location.StartsWith(redirectUri, StringComparison.Ordinal))
            throw new InvalidOperationException($"Redirected elsewhere: {location}");
        var query = QueryHelpers.ParseQuery(new Uri(location).Query);
        return query.TryGetValue("code", out var code) ? code.ToString()
            : throw new InvalidOperationException($"No code: {location}");
    }

    public Task<HttpResponseMessage> RedeemAsync(string code, string secret, string? verifier) =>
        browser.PostAsync("/realms/shop/protocol/openid-connect/token", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = redirectUri,
                ["client_id"] = clientId,
                ["client_secret"] = secret,
            }.Concat(verifier is null ? [] : [new KeyValuePair<string, string>("code_verifier", verifier)])));

    public async Task<JsonElement> SignInAsync(string username, string password, string secret, string scope = "openid profile email orders")
    {
        var code = await GetCodeAsync(username, password, scope);
        var response = await RedeemAsync(code, secret, Pkce.Verifier);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Token request failed: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static string HiddenInput(string html, string name) =>
        HiddenInputPattern().Matches(html).FirstOrDefault(m => m.Groups["name"].Value == name)?.Groups["value"].Value
        ?? throw new InvalidOperationException($"No hidden input '{name}' in the page.");

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenInputPattern();
}
