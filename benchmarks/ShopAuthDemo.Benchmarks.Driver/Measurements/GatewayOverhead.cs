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
        // Four rounds, direct-gateway-gateway-direct, so that a machine getting busier weighs on both alike.
        var direct = new LoadPoint("ping-direct", services.BenchApi.Url("/anonymous/ping"), LoadPoint.ThroughputConnections);
        var viaGateway = new LoadPoint("ping-via-gateway", services.GatewayToBenchApi.Url("/catalog/products/anonymous/ping"),
            LoadPoint.ThroughputConnections);
        // The benchmark API has served the rows before this one for minutes; this gateway has served nothing yet. Its
        // first 15 s of load run largely on unoptimized (tier-0) code, at 3-4 times the processor time per request of later
        // rounds, so without this the first gateway round measured the JIT rather than the gateway.
        await load.WarmUpFreshServicesAsync(viaGateway with { Name = "ping-via-gateway-warm-up" }, cancellationToken);

        // With the processor time of each service: on 2 shared cores, requests/s also carries wrk and the neighbours.
        IReadOnlyList<ServiceProcess> directServices = [services.BenchApi];
        IReadOnlyList<ServiceProcess> gatewayServices = [services.GatewayToBenchApi, services.BenchApi];
        var pingDirect1 = await ProcessorTimePerRequest.MeasureAsync(load, direct with { Name = "ping-direct-1" }, directServices, cancellationToken);
        var pingViaGateway1 = await ProcessorTimePerRequest.MeasureAsync(load, viaGateway with { Name = "ping-via-gateway-1" },
            gatewayServices, cancellationToken);
        var pingViaGateway2 = await ProcessorTimePerRequest.MeasureAsync(load, viaGateway with { Name = "ping-via-gateway-2" },
            gatewayServices, cancellationToken);
        var pingDirect2 = await ProcessorTimePerRequest.MeasureAsync(load, direct with { Name = "ping-direct-2" }, directServices, cancellationToken);
        var directCost = ProcessorTimePerRequest.Pooled(pingDirect1, pingDirect2);
        var gatewayCost = ProcessorTimePerRequest.Pooled(pingViaGateway1, pingViaGateway2);
        var pingDirect = directCost.Load;
        var pingViaGateway = gatewayCost.Load;
        // One connection: nothing queues, so the difference in latency is what the hop adds to each request.
        var oneDirect = await load.MeasureAsync(direct with { Name = "ping-direct-one-connection", Connections = 1 }, cancellationToken);
        var oneViaGateway = await load.MeasureAsync(viaGateway with { Name = "ping-via-gateway-one-connection", Connections = 1 },
            cancellationToken);

        var catalogDirect = await load.MeasureAsync(new("catalog-direct",
            services.Catalog.Url("/api/products"), LoadPoint.ThroughputConnections), cancellationToken);
        var catalogViaGateway = await load.MeasureAsync(new("catalog-via-gateway",
            services.Gateway.Url("/catalog/products"), LoadPoint.ThroughputConnections), cancellationToken);

        // Before any order is placed, so both read the same (empty) list of alice's orders.
        var ordersDirect = await load.MeasureAsync(new("orders-direct",
            services.Orders.Url("/api/orders"), LoadPoint.ThroughputConnections, aliceToken), cancellationToken);
        var ordersViaGateway = await load.MeasureAsync(new("orders-via-gateway",
            services.Gateway.Url("/orders"), LoadPoint.ThroughputConnections, aliceToken), cancellationToken);

        var pingRow = ResultRow.ComparedTo("gateway `GET /catalog/products/anonymous/ping` → the same (the gateway's own cost)",
            pingViaGateway, pingDirect, "direct", "≥ 70 %");
        return
        [
            ResultRow.Baseline("bench-api `GET /anonymous/ping`, anonymous, direct (no database)", pingDirect),
            pingRow with { Result = $"{pingRow.Result}; rounds 1-4: {pingDirect1.Load.Measured.RequestsPerSecond:N0} · " +
                $"{pingViaGateway1.Load.Measured.RequestsPerSecond:N0} · {pingViaGateway2.Load.Measured.RequestsPerSecond:N0} · " +
                $"{pingDirect2.Load.Measured.RequestsPerSecond:N0} requests/s; processor time per request: bench-api " +
                $"{directCost.Of(services.BenchApi).TotalMicroseconds:0} µs direct, through the gateway {gatewayCost.Of(services.BenchApi).TotalMicroseconds:0} µs " +
                $"+ the gateway's **{gatewayCost.Of(services.GatewayToBenchApi).TotalMicroseconds:0} µs**" },
            ResultRow.Baseline("bench-api `GET /anonymous/ping`, direct, 1 connection", oneDirect),
            new ResultRow("gateway `GET /catalog/products/anonymous/ping` → the same, 1 connection", oneViaGateway.Measured,
                $"the hop adds **{(oneViaGateway.Measured.P50 - oneDirect.Measured.P50).TotalMilliseconds:0.00} ms** at p50, " +
                $"{(oneViaGateway.Measured.P99 - oneDirect.Measured.P99).TotalMilliseconds:0.00} ms at p99"),
            ResultRow.Baseline("catalog-api `GET /api/products`, anonymous, direct", catalogDirect),
            ResultRow.ComparedTo("gateway `GET /catalog/products` → the same", catalogViaGateway, catalogDirect, "direct"),
            ResultRow.Baseline("orders-api `GET /api/orders`, alice's JWT, direct", ordersDirect),
            ResultRow.ComparedTo("gateway `GET /orders` → the same (JWT validated twice)", ordersViaGateway, ordersDirect, "direct"),
        ];
    }
}
