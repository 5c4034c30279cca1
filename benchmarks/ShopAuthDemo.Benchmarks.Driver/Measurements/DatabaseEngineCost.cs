using ShopAuthDemo.Benchmarks.Driver.Identity;
using ShopAuthDemo.Benchmarks.Driver.Load;
using ShopAuthDemo.Benchmarks.Driver.Processes;
using ShopAuthDemo.Benchmarks.Driver.Report;

namespace ShopAuthDemo.Benchmarks.Driver.Measurements;

/// <summary>
/// Placing an order on the embedded default (a SQLite file per service) and on PostgreSQL (a database per service on
/// one server, as in scale-out), one replica each so that only the engine differs. alice posts to orders-api, which
/// quotes at catalog-api, saves the order, and charges at payments-api: two databases written per order. Two fresh
/// sets run side by side, are warmed up alike, then measured in four rounds, SQLite-PostgreSQL-PostgreSQL-SQLite, so
/// that a machine getting busier or tables filling up weigh on both alike.
/// </summary>
public static class DatabaseEngineCost
{
    private const int Connections = 8;
    private const string Order = """{"items":[{"productId":1,"quantity":2},{"productId":2,"quantity":1}]}""";
    // The issue's target for both engines on 2 cores.
    private static readonly TimeSpan P99Goal = TimeSpan.FromMilliseconds(100);

    public static async Task<IEnumerable<ResultRow>> MeasureAsync(
        ShopServices sqlite, ShopServices postgreSql, TokenRequests tokens, LoadRunner load, CancellationToken cancellationToken)
    {
        // A fresh sign-in per round: alice's token lives 5 minutes, and the rounds at DURATION=2m take longer.
        async Task<LoadPoint> PointAsync(ShopServices services, string name) =>
            new(name, services.Orders.Url("/api/orders"), Connections, await tokens.SignInAsync("alice", cancellationToken), Order);
        async Task<MeasuredLoad> RoundAsync(ShopServices services, string name) =>
            await load.MeasureAsync(await PointAsync(services, name), cancellationToken);

        await load.WarmUpFreshServicesAsync(await PointAsync(sqlite, "place-order-sqlite-warm-up"), cancellationToken);
        await load.WarmUpFreshServicesAsync(await PointAsync(postgreSql, "place-order-postgresql-warm-up"), cancellationToken);

        var sqlite1 = await RoundAsync(sqlite, "place-order-sqlite-1");
        var postgreSql1 = await RoundAsync(postgreSql, "place-order-postgresql-1");
        var postgreSql2 = await RoundAsync(postgreSql, "place-order-postgresql-2");
        var sqlite2 = await RoundAsync(sqlite, "place-order-sqlite-2");

        var embedded = MeasuredLoad.Pooled(sqlite1, sqlite2);
        var server = MeasuredLoad.Pooled(postgreSql1, postgreSql2);
        return
        [
            ResultRow.Baseline($"orders-api `POST /api/orders` as alice, {Connections} connections, embedded (SQLite files, WAL)", embedded)
                with { Result = $"baseline (100 %); {P99(embedded)}; rounds 1 and 4: {Rates(sqlite1, sqlite2)}" },
            new ResultRow("the same on PostgreSQL (one database per service, one server)", server.Measured,
                $"throughput **{100 * server.Measured.RequestsPerSecond / embedded.Measured.RequestsPerSecond:0.0} %** of embedded, " +
                $"p50 {100 * server.Measured.P50 / embedded.Measured.P50:0} %, p99 {100 * server.Measured.P99 / embedded.Measured.P99:0} %; " +
                $"{P99(server)}; rounds 2 and 3: {Rates(postgreSql1, postgreSql2)}"),
        ];
    }

    private static string P99(MeasuredLoad load) =>
        $"p99 {(load.Measured.P99 <= P99Goal ? "within" : "**over**")} the goal ≤ {P99Goal.TotalMilliseconds:0} ms";

    // Each round's own figures, so the spread between rounds shows next to the difference being measured.
    private static string Rates(MeasuredLoad first, MeasuredLoad second) =>
        $"{first.Measured.RequestsPerSecond:N0} · {second.Measured.RequestsPerSecond:N0} orders/s, " +
        $"p99 {first.Measured.P99.TotalMilliseconds:0} · {second.Measured.P99.TotalMilliseconds:0} ms";
}
