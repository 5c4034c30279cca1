using System.Net;
using ShopAuthDemo.ScaleOut.Infrastructure;

namespace ShopAuthDemo.ScaleOut;

/// <summary>Two gateway replicas, one budget per caller: the limit is kept in Redis, not in each replica's memory.</summary>
public sealed class GatewayRateLimitAcrossReplicasTests(ScaleOutAppHost appHost)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_caller_gets_one_budget_across_both_gateway_replicas()
    {
        Assert.SkipWhen(appHost.SkipReason is not null, appHost.SkipReason ?? "");
        const int Requests = ScaleOutAppHost.RateLimitPermits * 2;
        var statuses = new List<HttpStatusCode>();

        // Anonymous catalog reads from this machine: one caller (its address). Each request on a new connection, so
        // Aspire's proxy hands them to both replicas in turn; with a budget per replica twice the limit would pass.
        for (var request = 0; request < Requests; request++)
        {
            using var gateway = appHost.CreateHttpClient("gateway");
            using var response = await gateway.GetAsync("/catalog/products", Cancellation);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                Assert.NotNull(response.Headers.RetryAfter?.Delta);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Requests} requests within one {ScaleOutAppHost.RateLimitWindow.TotalSeconds:0} s window: " +
            string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Count()} x {(int)g.Key}")));
        Assert.Equal(ScaleOutAppHost.RateLimitPermits, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(Requests - ScaleOutAppHost.RateLimitPermits, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }
}
