using ShopAuthDemo.Benchmarks.Driver.Identity;
using ShopAuthDemo.Benchmarks.Driver.Load;
using ShopAuthDemo.Benchmarks.Driver.Processes;
using ShopAuthDemo.Benchmarks.Driver.Report;

namespace ShopAuthDemo.Benchmarks.Driver.Measurements;

/// <summary>
/// Authenticated vs anonymous on the same API and the same endpoint shape: the benchmark API's twin
/// routes, with orders-api's real client-credentials token. Two processes of it: one with the
/// validated-token cache (the default), one with Identity:TokenCache:Enabled=false. Each authenticated
/// row is compared with the anonymous twin in its own process, measured just before it; the two
/// anonymous rows run the same code, so the gap between them shows how noisy the machine was.
/// </summary>
public static class AuthenticationCost
{
    public static async Task<IEnumerable<ResultRow>> MeasureAsync(
        ServicesUnderTest services, TokenRequests tokens, LoadRunner load, CancellationToken cancellationToken)
    {
        var cacheOn = await MeasurePairAsync(services.BenchApi, "cache-on", tokens, load, cancellationToken);
        var cacheOff = await MeasurePairAsync(services.BenchApiWithoutTokenCache, "cache-off", tokens, load, cancellationToken);

        return
        [
            ResultRow.Baseline("bench-api, token cache on (default): `GET /anonymous/ping`", cacheOn.Anonymous),
            ResultRow.ComparedTo("bench-api, token cache on (default): `GET /authenticated/ping`, JWT",
                cacheOn.Authenticated, cacheOn.Anonymous, "anonymous", "≥ 90 %"),
            ResultRow.ComparedTo("bench-api, token cache off: `GET /anonymous/ping`", cacheOff.Anonymous, cacheOn.Anonymous,
                "the cache-on anonymous row (same code: the noise)"),
            ResultRow.ComparedTo("bench-api, token cache off: `GET /authenticated/ping`, JWT",
                cacheOff.Authenticated, cacheOff.Anonymous, "anonymous"),
        ];
    }

    private static async Task<(MeasuredLoad Anonymous, MeasuredLoad Authenticated)> MeasurePairAsync(
        ServiceProcess benchApi, string variant, TokenRequests tokens, LoadRunner load, CancellationToken cancellationToken)
    {
        var anonymous = await load.MeasureAsync(new($"bench-{variant}-anonymous",
            benchApi.Url("/anonymous/ping"), LoadPoint.ThroughputConnections), cancellationToken);
        // A fresh token per row: it lives 5 minutes, like Keycloak's. Every request sends the same one, as a
        // service does between renewals, so the cache (when on) is hit from the second request on.
        var authenticated = await load.MeasureAsync(new($"bench-{variant}-authenticated",
            benchApi.Url("/authenticated/ping"), LoadPoint.ThroughputConnections,
            await tokens.OrdersApiTokenForCatalogAsync(cancellationToken)), cancellationToken);
        return (anonymous, authenticated);
    }
}
