using System.Diagnostics;
using ShopAuthDemo.ServiceDefaults.TokenManagement;
using ShopAuthDemo.Tests.Web.Support;

namespace ShopAuthDemo.Tests.TokenManagement;

/// <summary>
/// A token fetched because a call needs it belongs to that call's trace (an order, hop by hop), not to a trace of its
/// own: HybridCache runs the fetch without the caller's context, so the cache hands the caller's span on.
/// </summary>
public sealed class TokenRequestTraceTests
{
    [Fact]
    public async Task A_token_fetched_for_a_call_is_requested_inside_that_calls_trace()
    {
        using var storage = new AccessTokenStorage(AccessTokenStorage.DefaultSizeLimitBytes, TimeProvider.System);
        var cache = new AccessTokenCache(storage, TimeProvider.System, UnobservedMetrics.TokenRequests());
        using var call = new Activity("Place order").Start();
        ActivityTraceId? requestedIn = null;

        await cache.GetOrRequestAsync(TokenCacheKey.ClientCredentials("orders-api", "catalog", "catalog-api"), _ =>
        {
            requestedIn = Activity.Current?.TraceId;
            return Task.FromResult(new CachedAccessToken("token", DateTimeOffset.UtcNow.AddMinutes(5)));
        }, TestContext.Current.CancellationToken);

        Assert.Equal(call.TraceId, requestedIn);
    }
}
