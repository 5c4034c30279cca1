using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using ShopAuthDemo.Benchmarks.Driver.Processes;
using ShopAuthDemo.Benchmarks.Driver.Settings;
using ShopAuthDemo.Testing;

namespace ShopAuthDemo.Benchmarks.Driver.Identity;

/// <summary>Real tokens from Identity.Local, through the same flows the shop uses.</summary>
public sealed class TokenRequests(IdentityProviderUnderTest identityProvider, RunSecrets secrets)
{
    private const string TokenPath = "protocol/openid-connect/token";

    /// <summary>
    /// orders-api's own token for the catalog (client credentials, scope catalog, aud catalog-api): what
    /// orders-api sends when it asks for a price quote, and what the benchmark API accepts.
    /// </summary>
    public async Task<string> OrdersApiTokenForCatalogAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync($"{identityProvider.Authority}/{TokenPath}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "orders-api",
            ["client_secret"] = secrets.OrdersApiClientSecret,
            ["scope"] = "catalog",
        }), cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new BenchmarkException($"The client-credentials token request for orders-api answered {(int)response.StatusCode}: " +
                await response.Content.ReadAsStringAsync(cancellationToken));
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        return token?.AccessToken ?? throw new BenchmarkException("The token response for orders-api has no access_token.");
    }

    /// <summary>
    /// A customer's token for orders-api: alice signs in to shop-web's client on the identity provider's
    /// login page (authorization code + PKCE), scripted the way the end-to-end tests do it.
    /// </summary>
    public async Task<string> SignInAsync(string username, CancellationToken cancellationToken) =>
        AccessToken(await SignInAsync(username, "shop-web", secrets.ShopWebClientSecret, "openid orders", cancellationToken), username);

    /// <summary>Everything shop-web keeps in a signed-in session: the access, refresh and ID tokens of one sign-in.</summary>
    public async Task<(string AccessToken, string? RefreshToken, string? IdToken)> SignInToShopWebAsync(
        string username, CancellationToken cancellationToken)
    {
        var tokens = await SignInAsync(username, "shop-web", secrets.ShopWebClientSecret, "openid orders", cancellationToken);
        return (AccessToken(tokens, username), Optional(tokens, "refresh_token"), Optional(tokens, "id_token"));
    }

    /// <summary>An admin's token for policy-api, as the back office gets it for its Access rules page.</summary>
    public async Task<string> SignInToBackofficeAsync(string username, CancellationToken cancellationToken) =>
        AccessToken(await SignInAsync(username, "backoffice-web", secrets.BackofficeWebClientSecret, "openid policies", cancellationToken), username);

    private static string AccessToken(JsonElement tokens, string username) =>
        tokens.GetProperty("access_token").GetString()
            ?? throw new BenchmarkException($"The sign-in of {username} returned no access_token.");

    private static string? Optional(JsonElement tokens, string name) =>
        tokens.TryGetProperty(name, out var value) ? value.GetString() : null;

    private async Task<JsonElement> SignInAsync(string username, string clientId, string clientSecret, string scope,
        CancellationToken cancellationToken)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = identityProvider.Process.BaseAddress,
        };
        var flow = new OidcBrowserFlow(browser, clientId, $"{IdentityProviderUnderTest.NoWebApp}/signin-oidc");
        return await flow.SignInAsync(username, secrets.DevUserPassword, clientSecret, scope).WaitAsync(cancellationToken);
    }

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string? AccessToken);
}
