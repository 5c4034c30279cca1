using System.Diagnostics;
using System.Security.Claims;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShopAuthDemo.ServiceDefaults.Authentication;
using ShopAuthDemo.ServiceDefaults.Caching;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;

/// <summary>
/// The PIP's "OIDC lookup": the user's country and company from userinfo, cached per user (sub) for
/// <see cref="AccessRulesOptions.UserInfoLifetime"/> (5 minutes). HybridCache makes concurrent requests of
/// one user share one call, so a burst of orders costs one userinfo call per user per lifetime. A failed
/// lookup is not cached and gives the source Unavailable: rules that need the country or the company then refuse.
/// </summary>
public sealed class UserInfoSource : IDisposable
{
    // Countries and companies are personal data: kept in this process only, in a memory cache of their own with a bound;
    // not in Redis even in scale-out: a second replica's one userinfo call per user is cheaper than personal data in a shared store.
    private const long CacheSizeLimitBytes = 5 * 1024 * 1024;

    private static readonly HybridCacheEntryFlags InThisProcessOnly = HybridCacheEntryFlags.DisableDistributedCache;

    private readonly BoundedHybridCache cacheStore;
    private readonly HybridCache cache;
    private readonly HybridCacheEntryOptions entryOptions;
    private readonly IServiceProvider services;
    private readonly AccessRulesOptions options;
    private readonly AccessRulesMetrics metrics;
    private readonly TimeProvider time;
    private readonly ILogger<UserInfoSource> logger;

    public UserInfoSource(IServiceProvider services, AccessRulesOptions options, AccessRulesMetrics metrics, TimeProvider time,
        ILogger<UserInfoSource> logger)
    {
        (this.services, this.options, this.metrics, this.time, this.logger) = (services, options, metrics, time, logger);
        cacheStore = new BoundedHybridCache(CacheSizeLimitBytes, time);
        cache = cacheStore.Cache;
        entryOptions = new() { Expiration = options.UserInfoLifetime, LocalCacheExpiration = options.UserInfoLifetime, Flags = InThisProcessOnly };
    }

    /// <returns>What userinfo says about the user, or null with the source Unavailable when it could not be asked.</returns>
    public async Task<Sourced<UserInfoAttributes?>> LookUpAsync(ClaimsPrincipal user, string? accessToken, CancellationToken cancellationToken)
    {
        var subject = user.GetSubject();
        try
        {
            if (subject is null || accessToken is null) throw new UserInfoException("The caller has no user token to ask userinfo with.");
            var info = await GetAsync(subject, accessToken, cancellationToken);
            // Checked on our clock as well as HybridCache's, so the stated lifetime holds under any TimeProvider.
            if (time.GetUtcNow() - info.FetchedAt >= options.UserInfoLifetime)
            {
                await cache.RemoveAsync(Key(subject), cancellationToken);
                info = await GetAsync(subject, accessToken, cancellationToken);
            }
            return new(info, AttributeSource.UserInfo);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.UserInfoFailed(subject, exception is UserInfoException ? exception.Message : exception.GetType().Name);
            return new(null, AttributeSource.Unavailable);
        }
    }

    private ValueTask<UserInfoAttributes> GetAsync(string subject, string accessToken, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(Key(subject), (subject, accessToken, source: this, caller: Activity.Current), static async (state, ct) =>
        {
            // HybridCache runs the lookup without the caller's context (one lookup may serve several callers): the
            // first caller's span is its parent, so the request shows in the decision's trace, not as a trace of its own.
            Activity.Current ??= state.caller;
            var succeeded = false;
            try
            {
                var info = await state.source.services.GetRequiredService<UserInfoClient>()
                    .GetAsync(state.accessToken, state.subject, state.source.time.GetUtcNow(), ct);
                succeeded = true;
                state.source.logger.UserInfoLookedUp(state.subject, state.source.options.UserInfoLifetime);
                return info;
            }
            finally
            {
                state.source.metrics.UserInfoRequested(succeeded);
            }
        }, entryOptions, cancellationToken: cancellationToken);

    private static string Key(string subject) => "userinfo:" + subject;

    public void Dispose() => cacheStore.Dispose();
}
