using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ShopAuthDemo.Testing.AppHost;
using ShopAuthDemo.Resilience.Infrastructure;

namespace ShopAuthDemo.Resilience;

/// <summary>
/// A bounded burst of mixed traffic on loopback: customers signing in again and again (code + PKCE),
/// placing and listing orders, while the partner ships through the gateway. No 5xx anywhere, and every
/// order accounted for: placed = stored = paid.
/// </summary>
[SuiteStep(4)]
public sealed partial class MixedLoadTests(ResilienceAppHost appHost, ITestOutputHelper output)
{
    private const int Customers = 6;
    private const int SignInEvery = 8;
    private static readonly string[] Users = ["alice", "bob"];
    private static readonly int[] Products = [1, 2, 4];

    // RESILIENCE_LOAD_SECONDS=300 for a longer soak; the default keeps CI well inside its budget.
    private static TimeSpan Duration => TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("RESILIENCE_LOAD_SECONDS"), out var seconds) ? seconds : 60);

    [Fact]
    public async Task A_burst_of_sign_ins_orders_and_shipping_serves_no_5xx_and_loses_no_order()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var tally = new LoadTally();
        var partnerLinesBefore = appHost.LogOf("partner-shipping").Lines.Count;
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, Customers).Select(customer =>
            CustomerAsync(Users[customer % Users.Length], customer, clock, tally, cancellation)));
        var elapsed = clock.Elapsed;

        var (stored, paid, shipped) = await AccountForAsync(tally.PlacedOrders, cancellation);
        var partnerLines = appHost.LogOf("partner-shipping").Lines.Skip(partnerLinesBefore).ToList();
        var partnerServerErrors = partnerLines.Count(line => ServerError().IsMatch(line));
        var shippedInLog = partnerLines.Select(line => ShippedOrder().Match(line)).Where(match => match.Success)
            .Select(match => Guid.Parse(match.Groups[1].Value)).ToHashSet();

        output.WriteLine($"{elapsed.TotalSeconds:0} s, {Customers} customers: {tally.Requests} requests ({tally.Requests / elapsed.TotalSeconds:0.0}/s), " +
                         $"{tally.SignIns} sign-ins, {tally.PlacedOrders.Count} orders placed, {stored} stored, {paid} paid or shipped, " +
                         $"{shipped} shipped so far ({shippedInLog.Count} shipments in the partner's log, {shippedInLog.Count(tally.PlacedOrders.Contains)} of this burst's orders); statuses {tally.DescribeStatuses()}; partner 5xx {partnerServerErrors}");
        Assert.Empty(tally.Failures);
        Assert.Equal(0, tally.ServerErrors);
        Assert.Equal(0, partnerServerErrors);
        Assert.True(tally.PlacedOrders.Count >= 20, $"Only {tally.PlacedOrders.Count} orders in {elapsed.TotalSeconds:0} s: too little load to mean anything.");
        Assert.Equal(tally.PlacedOrders.Count, stored);
        Assert.Equal(tally.PlacedOrders.Count, paid);
        // The partner ships oldest first at the pace its rate limit allows (20 calls per 10 s): some of the
        // burst, not all of it, is shipped by the end.
        Assert.True(shipped > 0, "The partner shipped none of the burst's orders.");
    }

    private async Task CustomerAsync(string user, int customer, Stopwatch clock, LoadTally tally, CancellationToken cancellation)
    {
        HttpClient? orders = null;
        try
        {
            for (var iteration = 0; clock.Elapsed < Duration; iteration++)
            {
                if (iteration % SignInEvery == 0)
                {
                    // A new sign-in through the identity provider's login page, as a returning customer would.
                    orders?.Dispose();
                    orders = appHost.CreateHttpClient("orders-api").WithBearer(await appHost.SignInAsync(user, "openid orders", cancellation));
                    tally.SignedIn();
                }

                // Products 1, 2 and 4: no grinder (3), which the seeded location rule refuses to bob (US); that
                // refusal is the access rules' own test (tests/ShopAuthDemo.EndToEnd/Web/AccessRulesPageTests).
                using var placed = await orders!.PostOrderAsync(cancellation, (Products[(customer + iteration) % Products.Length], 1));
                tally.Record("POST /api/orders", placed.StatusCode);
                if (placed.StatusCode == HttpStatusCode.Created)
                {
                    var order = await placed.Content.ReadFromJsonAsync<JsonElement>(cancellation);
                    tally.Placed(order.GetProperty("id").GetGuid());
                }
                else
                {
                    tally.Fail($"POST /api/orders as {user}: {(int)placed.StatusCode} {await placed.Content.ReadAsStringAsync(cancellation)}");
                }

                using var listed = await orders!.GetAsync("/api/orders", cancellation);
                tally.Record("GET /api/orders", listed.StatusCode);
                if (listed.StatusCode != HttpStatusCode.OK) tally.Fail($"GET /api/orders as {user}: {(int)listed.StatusCode}");
            }
        }
        finally
        {
            orders?.Dispose();
        }
    }

    // Staff see every order: the placed ones must all be there, and all paid (or already shipped). Only the
    // back office's tokens carry carol's staff role (least privilege).
    private async Task<(int Stored, int Paid, int Shipped)> AccountForAsync(IReadOnlyCollection<Guid> placed, CancellationToken cancellation)
    {
        using var staff = appHost.CreateHttpClient("orders-api").WithBearer(await appHost.SignInToBackofficeAsync("carol", "openid orders", cancellation));
        var all = await staff.GetFromJsonAsync<JsonElement>("/api/staff/orders", cancellation);
        var statuses = all.EnumerateArray()
            .Where(order => placed.Contains(order.GetProperty("id").GetGuid()))
            .Select(order => order.GetProperty("status").GetString())
            .ToList();
        return (statuses.Count, statuses.Count(status => status is "Paid" or "Shipped"), statuses.Count(status => status == "Shipped"));
    }

    // What the partner's worker logs when the gateway answers with a server error.
    [GeneratedRegex(@"status code does not indicate success: 5\d\d")]
    private static partial Regex ServerError();

    [GeneratedRegex(@"Shipped order ([0-9a-f-]{36})")]
    private static partial Regex ShippedOrder();

    private sealed class LoadTally
    {
        private readonly ConcurrentDictionary<string, int> _statuses = new();
        private readonly ConcurrentBag<Guid> _placed = [];
        private readonly ConcurrentQueue<string> _failures = new();
        private int _signIns;
        private int _requests;
        private int _serverErrors;

        public IReadOnlyCollection<Guid> PlacedOrders => _placed.ToHashSet();

        public IReadOnlyCollection<string> Failures => _failures;

        public int SignIns => _signIns;

        public int Requests => _requests;

        public int ServerErrors => _serverErrors;

        public void SignedIn() => Interlocked.Increment(ref _signIns);

        public void Placed(Guid orderId) => _placed.Add(orderId);

        public void Fail(string failure) => _failures.Enqueue(failure);

        public void Record(string call, HttpStatusCode status)
        {
            Interlocked.Increment(ref _requests);
            if ((int)status >= 500) Interlocked.Increment(ref _serverErrors);
            _statuses.AddOrUpdate($"{call} {(int)status}", 1, (_, count) => count + 1);
        }

        public string DescribeStatuses() => string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} ×{s.Value}"));
    }
}
