using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace ShopAuthDemo.Testing.AppHost;

/// <summary>Token requests against the realm's token endpoint, which both identity providers serve.</summary>
public static class TokenClient
{
    private const string TokenPath = "/realms/shop/protocol/openid-connect/token";

    public static Task<string> RequestClientCredentialsTokenAsync(
        this HttpClient identityProvider, string clientId, string clientSecret, string scope,
        CancellationToken cancellationToken) =>
        identityProvider.RequestTokenAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["scope"] = scope,
        }, cancellationToken);

    /// <summary>What orders-api does before it calls payments-api: the user's token exchanged (RFC 8693) for one minted for <paramref name="audience"/>.</summary>
    public static Task<string> ExchangeTokenAsync(
        this HttpClient identityProvider, string clientId, string clientSecret, string subjectToken, string audience,
        string scope, CancellationToken cancellationToken) =>
        identityProvider.RequestTokenAsync(new()
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:token-exchange",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["subject_token"] = subjectToken,
            ["subject_token_type"] = "urn:ietf:params:oauth:token-type:access_token",
            ["audience"] = audience,
            ["scope"] = scope,
        }, cancellationToken);

    private static async Task<string> RequestTokenAsync(this HttpClient identityProvider, Dictionary<string, string> form,
        CancellationToken cancellationToken)
    {
        using var response = await identityProvider.PostAsync(TokenPath, new FormUrlEncodedContent(form), cancellationToken);

        Assert.True(response.IsSuccessStatusCode,
            $"Token request ({form["grant_type"]}) failed with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        Assert.False(string.IsNullOrEmpty(token?.AccessToken), "The token response has no access_token.");
        return token.AccessToken;
    }

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string? AccessToken);
}
