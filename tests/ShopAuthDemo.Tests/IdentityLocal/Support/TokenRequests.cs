using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ShopAuthDemo.Tests.IdentityLocal.Support;

public static class TokenRequests
{
    public const string TokenPath = "/realms/shop/protocol/openid-connect/token";
    public const string TokenExchangeGrant = "urn:ietf:params:oauth:grant-type:token-exchange";
    public const string AccessTokenType = "urn:ietf:params:oauth:token-type:access_token";

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, params (string Key, string Value)[] form) =>
        client.PostAsync(TokenPath, new FormUrlEncodedContent(form.Select(p => new KeyValuePair<string, string>(p.Key, p.Value))));

    public static Task<HttpResponseMessage> ClientCredentialsAsync(HttpClient client, string clientId, string secret, string? scope = null) =>
        PostAsync(client, [("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret),
            .. scope is null ? Array.Empty<(string, string)>() : [("scope", scope)]]);

    public const string UserInfoPath = "/realms/shop/protocol/openid-connect/userinfo";

    public static Task<HttpResponseMessage> UserInfoAsync(HttpClient client, string accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, UserInfoPath);
        request.Headers.Authorization = new("Bearer", accessToken);
        return client.SendAsync(request);
    }

    /// <summary>A JSON string array claim ("groups": ["pricing-leads"]), empty when the token has none.</summary>
    public static IReadOnlyList<string> StringArray(JsonWebToken token, string claim) =>
        token.TryGetPayloadValue<JsonElement>(claim, out var values) && values.ValueKind == JsonValueKind.Array
            ? values.EnumerateArray().Select(v => v.GetString()!).ToList()
            : [];

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonWebToken> AccessTokenAsync(HttpResponseMessage response)
    {
        var json = await JsonAsync(response);
        if (!json.TryGetProperty("access_token", out var token)) throw new InvalidOperationException($"No access token: {json}");
        return new JsonWebToken(token.GetString());
    }

    public static IReadOnlyList<string> Audiences(JsonWebToken token) => token.Audiences.ToList();

    public static IReadOnlyList<string> RealmRoles(JsonWebToken token) =>
        token.TryGetPayloadValue<JsonElement>("realm_access", out var access) && access.TryGetProperty("roles", out var roles)
            ? roles.EnumerateArray().Select(r => r.GetString()!).ToList()
            : [];
}
