using System.Diagnostics;
using ShopAuthDemo.Benchmarks.Driver.Identity;
using ShopAuthDemo.Benchmarks.Driver.Load;
using ShopAuthDemo.Benchmarks.Driver.Processes;
using ShopAuthDemo.Benchmarks.Driver.Report;

namespace ShopAuthDemo.Benchmarks.Driver.Measurements;

/// <summary>
/// What mutual TLS on every internal hop costs an order. alice places orders through the gateway (wrk speaks plain
/// http to it, as any outside caller does); it forwards to orders-api, which asks catalog-api for a quote and charges
/// at payments-api: three internal calls per order. Two fresh sets of these services run side by side, one with
/// mutual TLS off and one on. Each is warmed up alike, then they are measured in four rounds, off-on-on-off, so that
/// a machine getting busier or databases filling up weigh on both alike. Each server logs one line per accepted
/// handshake: counted from the on set's first order, they say whether connections are reused (near 0 per 1,000
/// calls) or opened per call (up to 1,000).
/// </summary>
public static class MutualTlsCost
{
    private const int Connections = 8;
    private const string Order = """{"items":[{"productId":1,"quantity":2},{"productId":2,"quantity":1}]}""";
    // ServiceDefaults/MutualTls/MutualTlsLog.cs, PeerAccepted.
    private const string HandshakeLogLine = "Mutual TLS handshake: connection from";
    // gateway → orders-api, orders-api → catalog-api (quote), orders-api → payments-api (charge).
    private const int InternalCallsPerOrder = 3;
    // catalog-api and orders-api each read the access rules from policy-api this often (AccessRules:RefreshInterval).
    private static readonly TimeSpan RulesPoll = TimeSpan.FromSeconds(2);

    public static async Task<IEnumerable<ResultRow>> MeasureAsync(
        ShopServices plain, ShopServices mutualTls, TokenRequests tokens, LoadRunner load, CancellationToken cancellationToken)
    {
        // A fresh sign-in per round: alice's token lives 5 minutes, and the rounds at DURATION=2m take longer.
        async Task<LoadPoint> PointAsync(ShopServices services, string name) =>
            new(name, services.Gateway.Url("/orders"), Connections, await tokens.SignInAsync("alice", cancellationToken), Order);
        async Task<MeasuredLoad> RoundAsync(ShopServices services, string name, Func<Task>? afterWarmUp = null) =>
            await load.MeasureAsync(await PointAsync(services, name), cancellationToken, afterWarmUp);
        Task<Handshakes> CountAsync() => Handshakes.CountAsync(mutualTls, cancellationToken);

        // From before the on set's first order, when none of its order-path connections exist yet, ...
        var before = await CountAsync();
        var clock = Stopwatch.StartNew();
        await load.WarmUpFreshServicesAsync(await PointAsync(plain, "place-order-mutual-tls-off-warm-up"), cancellationToken);
        var warmUp = await load.WarmUpFreshServicesAsync(await PointAsync(mutualTls, "place-order-mutual-tls-on-warm-up"), cancellationToken);

        var off1 = await RoundAsync(plain, "place-order-mutual-tls-off-1");
        var afterWarmUp1 = before;
        var on1 = await RoundAsync(mutualTls, "place-order-mutual-tls-on-1", async () => afterWarmUp1 = await CountAsync());
        var between = await CountAsync();
        var afterWarmUp2 = between;
        var on2 = await RoundAsync(mutualTls, "place-order-mutual-tls-on-2", async () => afterWarmUp2 = await CountAsync());
        var after = await CountAsync();
        var window = clock.Elapsed;

        var off2 = await RoundAsync(plain, "place-order-mutual-tls-off-2");

        // ... over every order it placed (its warm-up, and each round's probe, warm-up and measured run).
        var all = after - before;
        var measured = between - afterWarmUp1 + (after - afterWarmUp2);
        var calls = InternalCallsPerOrder * (1 + warmUp.Succeeded +
            2 + on1.WarmUp.Succeeded + on1.Measured.Succeeded + on2.WarmUp.Succeeded + on2.Measured.Succeeded);
        var measuredCalls = InternalCallsPerOrder * (on1.Measured.Succeeded + on2.Measured.Succeeded);
        var off = MeasuredLoad.Pooled(off1, off2);
        var on = MeasuredLoad.Pooled(on1, on2);
        var compared = ResultRow.ComparedWithLatencyTo(
            "the same with mutual TLS on every internal hop (gateway → orders-api → catalog-api, payments-api)", on, off, "off", "≥ 90 %", "≤ 110 %");

        return
        [
            ResultRow.Baseline($"gateway `POST /orders` as alice, {Connections} connections, mutual TLS off (plain http inside)", off)
                with { Result = $"baseline (100 %); rounds 1 and 4: {Rates(off1, off2)}" },
            compared with { Result = $"{compared.Result}; rounds 2 and 3: {Rates(on1, on2)}" },
            new ResultRow($"TLS handshakes per 1,000 internal calls, mutual TLS on ({InternalCallsPerOrder} per order: gateway → orders-api, " +
                "orders-api → catalog-api quote, orders-api → payments-api charge)", null,
                $"**{1000.0 * all.OrderPath / calls:0.##}** ({all.OrderPath} for all {calls:N0} calls from the first order on: at orders-api " +
                $"{all.Orders}, catalog-api {all.Catalog}, payments-api {all.Payments}; {measured.OrderPath} for the {measuredCalls:N0} measured ones)"),
            new ResultRow("policy-api TLS handshakes meanwhile (background, not above: catalog-api and orders-api read the rules every " +
                $"{RulesPoll.TotalSeconds:0} s)", null,
                $"**{all.Policy}** in {window.TotalSeconds:0} s (~{2 * window / RulesPoll:0} polls)"),
        ];
    }

    // Each round's own figures, so the spread between rounds shows next to the difference being measured.
    private static string Rates(MeasuredLoad first, MeasuredLoad second) =>
        $"{first.Measured.RequestsPerSecond:N0} · {second.Measured.RequestsPerSecond:N0} orders/s, " +
        $"p50 {first.Measured.P50.TotalMilliseconds:0.0} · {second.Measured.P50.TotalMilliseconds:0.0} ms";

    /// <summary>Accepted handshakes so far, by the server that accepted them.</summary>
    private sealed record Handshakes(int Orders, int Catalog, int Payments, int Policy)
    {
        // orders-api's connections come from the gateway; catalog-api's and payments-api's from orders-api.
        public int OrderPath => Orders + Catalog + Payments;

        public static async Task<Handshakes> CountAsync(ShopServices services, CancellationToken cancellationToken)
        {
            var counts = await Task.WhenAll(new[] { services.Orders, services.Catalog, services.Payments }
                .Select(service => service.SettledCountAsync(HandshakeLogLine, cancellationToken)));
            return new(counts[0], counts[1], counts[2], services.Policy.CountLines(HandshakeLogLine));
        }

        public static Handshakes operator -(Handshakes later, Handshakes earlier) => new(later.Orders - earlier.Orders,
            later.Catalog - earlier.Catalog, later.Payments - earlier.Payments, later.Policy - earlier.Policy);

        public static Handshakes operator +(Handshakes a, Handshakes b) =>
            new(a.Orders + b.Orders, a.Catalog + b.Catalog, a.Payments + b.Payments, a.Policy + b.Policy);
    }
}
