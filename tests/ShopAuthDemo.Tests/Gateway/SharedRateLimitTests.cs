using System.Net;
using ShopAuthDemo.Tests.Gateway.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Gateway;

/// <summary>Scale-out: every gateway replica spends from one budget per caller, kept in Redis.</summary>
public sealed class SharedRateLimitTests
{
    private const int PermitLimit = 5;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A person of their own on the explorer: a budget no other test (or earlier run on this Redis) has spent from.
    private static TestToken SomeoneOnTheExplorer() => GatewayCallers.AliceOnTheExplorer with { Subject = RedisServer.UniqueName("explorer-user") };

    [Fact]
    public async Task Two_gateway_replicas_give_a_caller_one_budget_not_two()
    {
        var redis = RedisServer.Require();
        await using var first = GatewayHost.WithSharedRateLimit(PermitLimit, redis);
        await using var second = GatewayHost.WithSharedRateLimit(PermitLimit, redis);
        var caller = SomeoneOnTheExplorer();
        using var viaFirst = first.As(caller);
        using var viaSecond = second.As(caller);

        // A load balancer spreading the caller's requests over both replicas.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < PermitLimit; i++) statuses.Add((await (i % 2 == 0 ? viaFirst : viaSecond).GetAsync("/orders", Ct)).StatusCode);
        using var rejected = await viaSecond.GetAsync("/orders", Ct);
        using var rejectedByTheOther = await viaFirst.GetAsync("/orders", Ct);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, rejectedByTheOther.StatusCode);
        var retryAfter = rejected.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var problem = await rejected.AssertProblemDetailsAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("Try again in", problem.Detail);
    }

    [Fact]
    public async Task Another_caller_keeps_its_own_shared_budget()
    {
        var redis = RedisServer.Require();
        await using var first = GatewayHost.WithSharedRateLimit(PermitLimit, redis);
        await using var second = GatewayHost.WithSharedRateLimit(PermitLimit, redis);
        using var busy = first.As(SomeoneOnTheExplorer());
        using var other = second.As(SomeoneOnTheExplorer());

        for (var i = 0; i < PermitLimit + 1; i++) (await busy.GetAsync("/orders", Ct)).Dispose();
        using var response = await other.GetAsync("/orders", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task While_Redis_cannot_be_reached_each_replica_still_limits_the_caller_on_its_own()
    {
        // Nothing listens on port 1: every Redis call fails (after at most asyncTimeout).
        await using var gateway = GatewayHost.WithSharedRateLimit(PermitLimit, "127.0.0.1:1,abortConnect=false,connectTimeout=200,syncTimeout=300,asyncTimeout=300");
        using var caller = gateway.As(SomeoneOnTheExplorer());

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < PermitLimit + 1; i++) statuses.Add((await caller.GetAsync("/orders", Ct)).StatusCode);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, PermitLimit).Append(HttpStatusCode.TooManyRequests), statuses);
    }
}
