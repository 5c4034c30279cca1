using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace ShopAuthDemo.Testing;

/// <summary>
/// Drives the authorization code + PKCE flow the way a browser and a relying party would: follow the
/// redirect to the login page, post the form (with its antiforgery token), collect the code, redeem it.
/// </summary>
/// <param name="realm">The realm whose client this is: shop, or northwind (the company identity provider the shop brokers).</param>
public sealed partial class OidcBrowserFlow(HttpClient browser, string clientId, string redirectUri, string realm = "shop")
{
    public Pkce Pkce { get; } = Pkce.Create();

    public string AuthorizeUrl(string scope = "openid profile email orders", string? challenge = null) =>
        QueryHelpers.AddQueryString($"/realms/{realm}/protocol/openid-connect/auth", new Dictionary<string, string?>
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

    /// <summary>
    /// Follows the browser's path to the authorization code: redirects, and the login form when the
    /// identity provider shows one (its action and hidden fields are read from the page, so the same
    /// code works with Keycloak's form and with Identity.Local's).
    /// </summary>
    /// <param name="identityProvider">
    /// Sign in through this identity provider the realm brokers: on the realm's login page the browser follows
    /// "Sign in with …" (link id social-{alias}) and types the password at that provider instead.
    /// </param>
    public async Task<string> GetCodeAsync(string username, string password, string scope = "openid profile email orders",
        string? identityProvider = null)
    {
        var response = await browser.GetAsync(AuthorizeUrl(scope));
        for (var step = 0; step < 10; step++)
        {
            if (response.Headers.Location is { } location)
            {
                if (location.IsAbsoluteUri && location.OriginalString.StartsWith(redirectUri, StringComparison.Ordinal))
                    return CodeFrom(response);
                // Relative to where the browser is (it may have moved to another identity provider's host).
                response = await browser.GetAsync(new Uri(response.RequestMessage!.RequestUri!, location));
                continue;
            }

            var page = await response.Content.ReadAsStringAsync();
            if (identityProvider is not null && BrokerLink(page, identityProvider) is { } broker)
            {
                response = await browser.GetAsync(new Uri(response.RequestMessage!.RequestUri!, broker));
                identityProvider = null;   // next login form is the provider's own
                continue;
            }
            if (!page.Contains("type=\"password\"", StringComparison.Ordinal))
                throw new InvalidOperationException($"Expected a login form or a redirect, got {(int)response.StatusCode}.");
            var action = new Uri(response.RequestMessage!.RequestUri!, FormAction(page));
            response = await browser.PostAsync(action, new FormUrlEncodedContent(LoginFormFields(page, username, password)));
            if (response.Headers.Location is null)
                throw new InvalidOperationException($"Login failed: {(int)response.StatusCode}");
        }
        throw new InvalidOperationException("Too many redirects on the way to the authorization code.");
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
        browser.PostAsync($"/realms/{realm}/protocol/openid-connect/token", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = redirectUri,
                ["client_id"] = clientId,
                ["client_secret"] = secret,
            }.Concat(verifier is null ? [] : [new KeyValuePair<string, string>("code_verifier", verifier)])));

    public async Task<JsonElement> SignInAsync(string username, string password, string secret, string scope = "openid profile email orders",
        string? identityProvider = null)
    {
        var code = await GetCodeAsync(username, password, scope, identityProvider);
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

    /// <summary>A login page's form, filled in: its hidden fields (antiforgery, return URL) and the credentials.</summary>
    public static IEnumerable<KeyValuePair<string, string>> LoginFormFields(string html, string username, string password) =>
        HiddenInputPattern().Matches(html)
            .Select(m => new KeyValuePair<string, string>(m.Groups["name"].Value, WebUtility.HtmlDecode(m.Groups["value"].Value)))
            .Append(new("username", username))
            .Append(new("password", password));

    /// <summary>Where a page's form posts to (as written: usually a path).</summary>
    public static string FormAction(string html) => WebUtility.HtmlDecode(FormActionPattern().Match(html).Groups["action"].Value);

    /// <summary>The "Sign in with …" link of a realm's login page for the identity provider <paramref name="alias"/>.</summary>
    public static string? BrokerLink(string page, string alias) =>
        BrokerLinkPattern().Matches(page).FirstOrDefault(m => m.Groups["alias"].Value == alias) is { } link
            ? WebUtility.HtmlDecode(link.Groups["href"].Value)
            : null;

    [GeneratedRegex("""<a id="social-(?<alias>[^"]+)" href="(?<href>[^"]+)""")]
    private static partial Regex BrokerLinkPattern();

    [GeneratedRegex("""<form[^>]*action="(?<action>[^"]+)""")]
    private static partial Regex FormActionPattern();
}
