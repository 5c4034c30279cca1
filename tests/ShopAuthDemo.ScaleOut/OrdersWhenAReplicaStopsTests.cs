using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using ShopAuthDemo.Testing.AppHost;
using ShopAuthDemo.ScaleOut.Infrastructure;

namespace ShopAuthDemo.ScaleOut;

/// <summary>
/// A burst of orders while one orders-api replica stops and starts again: callers that retry once see no 5xx,
/// every order placed is stored and paid, and no order is charged twice (payments' unique order id, in PostgreSQL).
/// </summary>
public sealed class OrdersWhenAReplicaStopsTests(ScaleOutAppHost appHost, ITestOutputHelper output)
{
    private const int Customers = 4;
    private static readonly int[] Products = [1, 2, 4];

    // SCALEOUT_LOAD_SECONDS=300 for a longer soak; the default keeps CI well inside its budget.
    private static TimeSpan Duration => TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("SCALEOUT_LOAD_SECONDS"), out var seconds) ? seconds : 60);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Placed_equals_stored_equals_paid_and_no_caller_sees_a_5xx_after_one_retry()
    {
        Assert.SkipWhen(appHost.SkipReason is not null, appHost.SkipReason ?? "");
        var token = await appHost.SignInAsync("alice", "openid orders", Cancellation);
        var placed = new ConcurrentBag<Guid>();
        var failures = new ConcurrentQueue<string>();
        var retries = 0;
        var clock = Stopwatch.StartNew();
        var stopped = appHost.ReplicasOf("orders-api")[0];

        var customers = Enumerable.Range(0, Customers).Select(customer => Task.Run(async () =>
        {
            for (var iteration = 0; clock.Elapsed < Duration; iteration++)
            {
                var product = Products[(customer + iteration) % Products.Length];
                var (status, body) = await PlaceAsync(token, product);
                if (status is null || (int)status >= 500)
                {
                    Interlocked.Increment(ref retries);
                    (status, body) = await PlaceAsync(token, product);
                }
                if (status == HttpStatusCode.Created) placed.Add(JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid());
                else failures.Enqueue($"{(int?)status} {body}");
            }
        }, Cancellation)).ToList();

        // A third of the way in, one replica goes; two thirds in, it comes back.
        await Task.Delay(Duration / 3, Cancellation);
        await appHost.StopReplicaAsync(stopped, Cancellation);
        await Task.Delay(Duration / 3, Cancellation);
        await appHost.StartReplicaAsync(stopped, Cancellation);
        await Task.WhenAll(customers);

        var (stored, paid) = await AccountForAsync(placed);
        var doubleCharged = await OrdersChargedMoreThanOnceAsync();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0} s, {Customers} customers, {stopped} stopped for a third: {placed.Count} placed, " +
                         $"{stored} stored, {paid} paid, {retries} retried, {failures.Count} failed after the retry, {doubleCharged} charged twice");
        Assert.Empty(failures);
        Assert.True(placed.Count >= 20, $"Only {placed.Count} orders: too little load to mean anything.");
        Assert.Equal(placed.Count, stored);
        Assert.Equal(placed.Count, paid);
        Assert.Equal(0, doubleCharged);
    }

    // A new client each time: a new connection, which Aspire's proxy gives to either replica (or the one left).
    private async Task<(HttpStatusCode? Status, string Body)> PlaceAsync(string token, int product)
    {
        try
        {
            using var orders = appHost.CreateHttpClient("orders-api").WithBearer(token);
            using var response = await orders.PostOrderAsync(Cancellation, (product, 1));
            return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancellation));
        }
        catch (HttpRequestException exception)
        {
            return (null, exception.Message);
        }
    }

    private async Task<(int Stored, int Paid)> AccountForAsync(IReadOnlyCollection<Guid> placed)
    {
        using var staff = appHost.CreateHttpClient("orders-api").WithBearer(await appHost.SignInToBackofficeAsync("carol", "openid orders", Cancellation));
        var all = await staff.GetFromJsonAsync<JsonElement>("/api/staff/orders", Cancellation);
        var statuses = all.EnumerateArray()
            .Where(order => placed.Contains(order.GetProperty("id").GetGuid()))
            .Select(order => order.GetProperty("status").GetString())
            .ToList();
        return (statuses.Count, statuses.Count(status => status is "Paid" or "Shipped"));
    }

    private async Task<long> OrdersChargedMoreThanOnceAsync()
    {
        await using var payments = appHost.OpenDatabase("paymentsdb");
        await payments.OpenAsync(Cancellation);
        await using var query = new NpgsqlCommand(
            """SELECT COUNT(*) FROM (SELECT "OrderId" FROM "Payments" GROUP BY "OrderId" HAVING COUNT(*) > 1) AS twice""", payments);
        return (long)(await query.ExecuteScalarAsync(Cancellation))!;
    }
}
