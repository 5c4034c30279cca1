namespace ShopAuthDemo.ServiceDefaults.TokenManagement;

// A user's token exchanged (RFC 8693) for one aimed at a downstream API, cached per
// (hash of the user's token, audience, scope): each user keeps getting their own token.
public sealed class TokenExchangeTokens(TokenEndpointClient tokenEndpoint, AccessTokenCache cache)
{
    public Task<string> ExchangeAsync(string subjectToken, string audience, string? scope, CancellationToken cancellationToken) =>
        cache.GetOrRequestAsync(Key(subjectToken, audience, scope), Request(subjectToken, audience, scope), cancellationToken);

    public Task<string> RenewAsync(string subjectToken, string audience, string? scope, CancellationToken cancellationToken) =>
        cache.RenewAsync(Key(subjectToken, audience, scope), Request(subjectToken, audience, scope), cancellationToken);

    private TokenCacheKey Key(string subjectToken, string audience, string? scope) =>
        TokenCacheKey.TokenExchange(tokenEndpoint.ClientId, subjectToken, audience, scope);

    private Func<CancellationToken, Task<CachedAccessToken>> Request(string subjectToken, string audience, string? scope) =>
        ct => tokenEndpoint.RequestTokenExchangeTokenAsync(Key(subjectToken, audience, scope), subjectToken, ct);
}
