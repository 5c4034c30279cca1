namespace ShopAuthDemo.ServiceDefaults.TokenManagement;

// This service's own token (client credentials grant), cached per (client, scope, audience).
// Usable outside HttpClient too, e.g. from a background worker.
public sealed class ClientCredentialsTokens(TokenEndpointClient tokenEndpoint, AccessTokenCache cache)
{
    public Task<string> GetAsync(string? scope, string? audience, CancellationToken cancellationToken) =>
        cache.GetOrRequestAsync(Key(scope, audience), Request(scope, audience), cancellationToken);

    public Task<string> RenewAsync(string? scope, string? audience, CancellationToken cancellationToken) =>
        cache.RenewAsync(Key(scope, audience), Request(scope, audience), cancellationToken);

    private TokenCacheKey Key(string? scope, string? audience) =>
        TokenCacheKey.ClientCredentials(tokenEndpoint.ClientId, scope, audience);

    private Func<CancellationToken, Task<CachedAccessToken>> Request(string? scope, string? audience) =>
        ct => tokenEndpoint.RequestClientCredentialsTokenAsync(Key(scope, audience), ct);
}
