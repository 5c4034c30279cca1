using System.Diagnostics;
using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace ShopAuthDemo.Gateway.RateLimiting;

/// <summary>
/// One caller's budget in scale-out: a fixed window in Redis that every gateway replica spends from, and this
/// replica's own window for the caller while Redis cannot be asked.
/// </summary>
/// <remarks>
/// RedisRateLimiting alone fails closed, and badly: Redis' exception becomes a 500 for every request, so the whole
/// API would go down with Redis. Failing open would lift every limit just when something is already wrong. So this
/// falls back to the in-memory limit: meanwhile a caller gets one budget per replica, never an unlimited one. A call
/// to an unreachable Redis waits for its timeout, so after a failure Redis is asked again only every few seconds.
/// </remarks>
public sealed class SharedCallerBudget(RateLimiter shared, RateLimiter local, ILogger logger) : RateLimiter
{
    private static readonly TimeSpan AskRedisAgainAfter = TimeSpan.FromSeconds(5);

    // A Stopwatch timestamp; zero while Redis answers.
    private long askRedisAgainAt;

    public override TimeSpan? IdleDuration =>
        shared.IdleDuration is { } sharedIdle && local.IdleDuration is { } localIdle ? TimeSpan.FromTicks(Math.Min(sharedIdle.Ticks, localIdle.Ticks)) : null;

    public override RateLimiterStatistics? GetStatistics() => local.GetStatistics();

    // Redis cannot answer without a round trip: its limiter refuses every synchronous attempt and the rate-limiting
    // middleware then waits for AcquireAsync.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => shared.AttemptAcquire(permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (Stopwatch.GetTimestamp() < Volatile.Read(ref askRedisAgainAt))
        {
            return await local.AcquireAsync(permitCount, cancellationToken);
        }

        try
        {
            var lease = await shared.AcquireAsync(permitCount, cancellationToken);
            Volatile.Write(ref askRedisAgainAt, 0);
            return lease;
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            // Logged once per outage and caller, not once per request.
            var later = Stopwatch.GetTimestamp() + (long)(AskRedisAgainAfter.TotalSeconds * Stopwatch.Frequency);
            if (Interlocked.Exchange(ref askRedisAgainAt, later) == 0)
            {
                logger.LogWarning("Rate limit: Redis unavailable ({Error}); this replica counts the caller on its own", exception.GetType().Name);
            }

            return await local.AcquireAsync(permitCount, cancellationToken);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            shared.Dispose();
            local.Dispose();
        }

        base.Dispose(disposing);
    }
}
