using System.Collections.Concurrent;
using System.Net;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
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
        // Each replica logs the requests it refuses: both must have refused some, or the proxy never spread the calls
        // and one budget per replica would have passed this test too.
        var refusedBy = new ConcurrentDictionary<string, int>();
        using var stopWatching = new CancellationTokenSource();
        var logs = appHost.App.Services.GetRequiredService<ResourceLoggerService>();
        var watchers = appHost.ReplicasOf("gateway").Select(replica => Task.Run(async () =>
        {
            try
            {
                await foreach (var batch in logs.WatchAsync(replica).WithCancellation(stopWatching.Token))
                    foreach (var line in batch.Where(line => line.Content.Contains("Rate limit:", StringComparison.Ordinal)))
                        refusedBy.AddOrUpdate(replica, 1, (_, count) => count + 1);
            }
            catch (OperationCanceledException)
            {
            }
        })).ToList();

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

        // Log lines reach the AppHost a little after the replica writes them.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (refusedBy.Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(250, Cancellation);
        await stopWatching.CancelAsync();
        await Task.WhenAll(watchers);
        Assert.True(refusedBy.Count == 2,
            $"Only {string.Join(", ", refusedBy.Select(r => $"{r.Key} ({r.Value})"))} refused requests: the calls did not reach both replicas.");
    }
}
