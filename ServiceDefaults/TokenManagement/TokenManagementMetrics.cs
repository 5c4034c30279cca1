using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ShopAuthDemo.ServiceDefaults.TokenManagement;

// Shows on the dashboard how many tokens each service asks for and how many calls the cache saves.
public sealed class TokenManagementMetrics
{
    public const string MeterName = "ShopAuthDemo.TokenManagement";
    public const string RequestsCounterName = "token_management.requests";
    public const string CacheHitsCounterName = "token_management.cache_hits";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _cacheHits;

    public TokenManagementMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>(RequestsCounterName, "{request}", "Requests sent to the token endpoint.");
        _cacheHits = meter.CreateCounter<long>(CacheHitsCounterName, "{hit}", "Tokens served without a request of their own.");
    }

    // errorType is the OAuth error ("invalid_client") or the kind of failure ("http", "exception").
    public void TokenRequested(TokenCacheKey key, string? errorType)
    {
        var tags = Describe(key);
        tags.Add("client_id", key.ClientId);
        tags.Add("outcome", errorType is null ? "success" : "failure");
        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        _requests.Add(1, tags);
    }

    public void CacheHit(TokenCacheKey key) => _cacheHits.Add(1, Describe(key));

    // Never the subject token hash: one time series per user would swamp the metrics backend.
    private static TagList Describe(TokenCacheKey key) => new()
    {
        { "grant_type", key.GrantType },
        { "audience", key.Audience },
        { "scope", key.Scope },
    };
}
