using System.Diagnostics.Metrics;

namespace ShopAuthDemo.ServiceDefaults.Authentication.TokenCache;

// On the dashboard: how many requests skipped the signature check, and how many needed it.
public sealed class ValidatedTokenCacheMetrics
{
    public const string MeterName = "ShopAuthDemo.Authentication";

    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;

    public ValidatedTokenCacheMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _hits = meter.CreateCounter<long>("validated_token_cache.hits", "{request}", "Bearer tokens answered from the validated-token cache.");
        _misses = meter.CreateCounter<long>("validated_token_cache.misses", "{request}", "Bearer tokens that needed a full validation.");
    }

    public void Hit() => _hits.Add(1);

    public void Miss() => _misses.Add(1);
}
