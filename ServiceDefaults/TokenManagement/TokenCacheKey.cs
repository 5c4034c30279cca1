using System.Security.Cryptography;
using System.Text;

namespace ShopAuthDemo.ServiceDefaults.TokenManagement;

// One cached token per (grant, client, audience, scope) and, for token exchange, per user token. Also what a
// token request is called in logs and metrics, including a web app's refresh (never cached: its session keeps it).
// The user token is hashed: a raw bearer token as a cache key would sit in memory dumps and
// diagnostics, and two users never share an entry because their tokens never share a hash.
public sealed record TokenCacheKey(string GrantType, string ClientId, string? Audience, string? Scope, string? SubjectTokenHash = null)
{
    private const string Prefix = "token-management";

    public static TokenCacheKey ClientCredentials(string clientId, string? scope, string? audience) =>
        new("client_credentials", clientId, audience, scope);

    public static TokenCacheKey TokenExchange(string clientId, string subjectToken, string audience, string? scope) =>
        new("token_exchange", clientId, audience, scope, Hash(subjectToken));

    public static TokenCacheKey RefreshToken(string clientId) => new("refresh_token", clientId, null, null);

    public string Value => string.Join('|', Prefix, GrantType, ClientId, Audience, Scope, SubjectTokenHash);

    public override string ToString() => Value;

    // For messages and logs: "client 'orders-api', audience 'payments-api', scope 'payments'".
    public string Describe() => string.Join(", ",
        new[] { ("client", ClientId), ("audience", Audience), ("scope", Scope) }
            .Where(part => part.Item2 is not null)
            .Select(part => $"{part.Item1} '{part.Item2}'"));

    private static string Hash(string subjectToken) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(subjectToken)));
}
