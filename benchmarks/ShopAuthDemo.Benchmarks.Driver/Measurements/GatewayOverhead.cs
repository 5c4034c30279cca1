using ShopAuthDemo.Benchmarks.Driver.Load;
using ShopAuthDemo.Benchmarks.Driver.Processes;
using ShopAuthDemo.Benchmarks.Driver.Report;

namespace ShopAuthDemo.Benchmarks.Driver.Measurements;

/// <summary>
/// The same call through the gateway and straight to the service: an anonymous one (the catalog) and
/// an authenticated one (alice's orders), where the gateway validates the token and the service again. Both read
/// SQLite, so their ratios also carry the database's contention; the first pair, a route with no database work
/// behind it (the benchmark API's ping), is the gateway's own cost: its middleware, its rate limiter and YARP's hop.
/// </summary>
public static class GatewayOverhead
{
    public static async Task<IEnumerable<ResultRow>> MeasureAsync(
        ServicesUnderTest services, string aliceToken, LoadRunner load, CancellationToken cancellationToken)
    {
        var pingDirect = await load.MeasureAsync(new("ping-direct",
            services.BenchApi.Url("/anonymous/ping"), LoadPoint.ThroughputConnections), cancellationToken);
        var pingViaGateway = await load.MeasureAsync(new("ping-via-gateway",
            services.GatewayToBenchApi.Url("/catalog/products/anonymous/ping"), LoadPoint.ThroughputConnections), cancellationToken);

        var catalogDirect = await load.MeasureAsync(new("catalog-direct",
            services.Catalog.Url("/api/products"), LoadPoint.ThroughputConnections), cancellationToken);
        var catalogViaGateway = await load.MeasureAsync(new("catalog-via-gateway",
            services.Gateway.Url("/catalog/products"), LoadPoint.ThroughputConnections), cancellationToken);

        // Before any order is placed, so both read the same (empty) list of alice's orders.
        var ordersDirect = await load.MeasureAsync(new("orders-direct",
            services.Orders.Url("/api/orders"), LoadPoint.ThroughputConnections, aliceToken), cancellationToken);
        var ordersViaGateway = await load.MeasureAsync(new("orders-via-gateway",
            services.Gateway.Url("/orders"), LoadPoint.ThroughputConnections, aliceToken), cancellationToken);

        return
        [
            ResultRow.Baseline("bench-api `GET /anonymous/ping`, anonymous, direct (no database)", pingDirect),
            ResultRow.ComparedTo("gateway `GET /catalog/products/anonymous/ping` → the same (the gateway's own cost)",
                pingViaGateway, pingDirect, "direct", "≥ 70 %"),
            ResultRow.Baseline("catalog-api `GET /api/products`, anonymous, direct", catalogDirect),
            ResultRow.ComparedTo("gateway `GET /catalog/products` → the same", catalogViaGateway, catalogDirect, "direct"),
            ResultRow.Baseline("orders-api `GET /api/orders`, alice's JWT, direct", ordersDirect),
            ResultRow.ComparedTo("gateway `GET /orders` → the same (JWT validated twice)", ordersViaGateway, ordersDirect, "direct"),
        ];
    }
}
