using ShopAuthDemo.Benchmarks.Driver.Load;
using ShopAuthDemo.Benchmarks.Driver.Processes;
using ShopAuthDemo.Benchmarks.Driver.Report;

namespace ShopAuthDemo.Benchmarks.Driver.Measurements;

/// <summary>
/// The same call through the gateway and straight to the service: an anonymous one (the catalog) and
/// an authenticated one (alice's orders), where the gateway validates the token and the service again.
/// </summary>
public static class GatewayOverhead
{
    public static async Task<IEnumerable<ResultRow>> MeasureAsync(
        ServicesUnderTest services, string aliceToken, LoadRunner load, CancellationToken cancellationToken)
    {
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
            ResultRow.Baseline("catalog-api `GET /api/products`, anonymous, direct", catalogDirect),
            ResultRow.ComparedTo("gateway `GET /catalog/products` → the same", catalogViaGateway, catalogDirect, "direct"),
            ResultRow.Baseline("orders-api `GET /api/orders`, alice's JWT, direct", ordersDirect),
            ResultRow.ComparedTo("gateway `GET /orders` → the same (JWT validated twice)", ordersViaGateway, ordersDirect, "direct"),
        ];
    }
}
