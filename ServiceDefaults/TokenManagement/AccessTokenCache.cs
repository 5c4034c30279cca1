using System.Diagnostics;
using Microsoft.Extensions.Caching.Hybrid;

namespace ShopAuthDemo.ServiceDefaults.TokenManagement;

// HybridCache gives single-flight for free: concurrent misses on one key share one factory call, and
// a factory that throws caches nothing, so the next caller tries again.
//
// HybridCache wants the entry's lifetime before the factory runs, but the lifetime is only known from
// the token response. So the factory stores the entry itself, to live only until the token's RenewAt, in
// memory and, in scale-out, in Redis (AccessTokenStorage), and tells HybridCache not to store the result
// again: an entry per user token (token exchange) must not outlive its token, or fresh user tokens would
// pile up. Stored inside the factory, the entry is in place before any caller holds the token, so no late
// store can put back a token that a caller has meanwhile removed (from both levels) because the callee
// refused it. The real rule is still checked on every read with our TimeProvider: an entry past its
// RenewAt is removed and fetched anew. (Two callers that both see the same stale entry may each fetch
// once; neither ever gets an expired token.) A replica that finds the token in Redis does not copy it into
// memory, since the copy's lifetime would have to be fixed before reading it: it reads Redis on each call
// until it fetches a token itself. Another replica's memory may still hold a token that a callee refused
// here; it is refused there too, and that replica renews it the same way. Size: see AccessTokenStorage.
public sealed class AccessTokenCache(AccessTokenStorage storage, TimeProvider timeProvider, TokenManagementMetrics metrics)
{
    private readonly HybridCache cache = storage.Cache;

    private static readonly TimeSpan MaximumEntryLifetime = TimeSpan.FromHours(1);

    private static readonly HybridCacheEntryOptions StoredByTheFactory = new()
    {
        Flags = HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    public async Task<string> GetOrRequestAsync(
        TokenCacheKey key, Func<CancellationToken, Task<CachedAccessToken>> request, CancellationToken cancellationToken)
    {
        var token = await GetOrCreateAsync(key, request, cancellationToken);
        if (token.IsDueForRenewal(timeProvider.GetUtcNow()))
        {
            await cache.RemoveAsync(key.Value, cancellationToken);
            token = await GetOrCreateAsync(key, request, cancellationToken);
        }

        return token.AccessToken;
    }

    // After the callee rejected the cached token: drop it whatever its RenewAt says, then fetch one.
    public async Task<string> RenewAsync(
        TokenCacheKey key, Func<CancellationToken, Task<CachedAccessToken>> request, CancellationToken cancellationToken)
    {
        await cache.RemoveAsync(key.Value, cancellationToken);
        return (await GetOrCreateAsync(key, request, cancellationToken)).AccessToken;
    }

    private async Task<CachedAccessToken> GetOrCreateAsync(
        TokenCacheKey key, Func<CancellationToken, Task<CachedAccessToken>> request, CancellationToken cancellationToken)
    {
        // A caller that joined someone else's in-flight request counts as a hit: it sent nothing itself.
        var requested = false;
        // HybridCache runs the factory without the caller's context (one request may serve several callers): the
        // first caller's span is its parent, so the token request shows in that call's trace, not as a trace of its own.
        var caller = Activity.Current;
        var token = await cache.GetOrCreateAsync(
            key.Value,
            async ct =>
            {
                Activity.Current ??= caller;
                requested = true;
                var issued = await request(ct);
                await KeepUntilRenewalAsync(key, issued, ct);
                return issued;
            },
            StoredByTheFactory,
            cancellationToken: cancellationToken);

        if (!requested)
        {
            metrics.CacheHit(key);
        }

        return token;
    }

    private async Task KeepUntilRenewalAsync(TokenCacheKey key, CachedAccessToken token, CancellationToken cancellationToken)
    {
        var lifetime = token.RenewAt - timeProvider.GetUtcNow();
        if (lifetime <= TimeSpan.Zero)
        {
            // No usable lifetime (no expires_in): used for this call only, never kept.
            return;
        }

        var kept = lifetime < MaximumEntryLifetime ? lifetime : MaximumEntryLifetime;
        await cache.SetAsync(key.Value, token, new HybridCacheEntryOptions
        {
            Expiration = kept,
            LocalCacheExpiration = kept,
        }, cancellationToken: cancellationToken);
    }
}
