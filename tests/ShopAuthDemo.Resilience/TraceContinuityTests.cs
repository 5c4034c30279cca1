using System.Diagnostics;
using ShopAuthDemo.Testing.AppHost;
using ShopAuthDemo.Resilience.Infrastructure;

namespace ShopAuthDemo.Resilience;

/// <summary>One order, one trace: every hop (orders-api, the token exchange, catalog-api, payments-api) logs the same trace id.</summary>
[SuiteStep(1)]
public sealed class TraceContinuityTests(ResilienceAppHost appHost)
{
    private static readonly string[] Hops = ["orders-api", "identity-local", "catalog-api", "payments-api"];

    [Fact]
    public async Task Every_hop_of_an_order_carries_the_callers_trace_id()
    {
        var cancellation = TestContext.Current.CancellationToken;
        // A fresh sign-in, so orders-api has no exchanged token for it yet and the identity provider is a hop too.
        var token = await appHost.SignInAsync("bob", "openid orders", cancellation);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var orders = appHost.CreateHttpClient("orders-api").WithBearer(token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { items = new[] { new { productId = 2, quantity = 1 } } }),
        };
        // As a browser's or gateway's tracing would send it (W3C Trace Context).
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var response = await orders.SendAsync(request, cancellation);

        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var missing = await HopsWithoutAsync(traceId, cancellation);
        Assert.True(missing.Count == 0, $"No log line with trace id {traceId} from: {string.Join(", ", missing)}");
    }

    // Log lines reach the AppHost a moment after the services write them.
    private async Task<List<string>> HopsWithoutAsync(string traceId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var missing = Hops.Where(hop => appHost.LogOf(hop).Count($"TraceId:{traceId}") == 0).ToList();
            if (missing.Count == 0 || DateTime.UtcNow > deadline) return missing;
            await Task.Delay(250, cancellationToken);
        }
    }
}
