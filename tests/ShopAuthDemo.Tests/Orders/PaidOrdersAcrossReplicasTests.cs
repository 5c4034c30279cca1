using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using ShopAuthDemo.Orders.Api.PaidOrders;
using ShopAuthDemo.Tests.Support;
using StackExchange.Redis;
using Xunit;

namespace ShopAuthDemo.Tests.Orders;

/// <summary>
/// Scale-out: a partner waits on one replica of orders-api while the order is paid on the other. The payment,
/// announced through the real Redis, wakes it on its replica.
/// </summary>
public sealed class PaidOrdersAcrossReplicasTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RedisPaidOrderSignal Replica(IConnectionMultiplexer redis, string applicationName) =>
        new(redis, new HostingEnvironment { ApplicationName = applicationName },
            new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance), NullLogger<RedisPaidOrderSignal>.Instance);

    [Fact]
    public async Task A_payment_on_one_replica_wakes_a_partner_waiting_on_the_other_within_a_second()
    {
        var configuration = RedisServer.Require();
        var applicationName = RedisServer.UniqueName("orders-api");
        // One connection per replica, as two processes would have.
        await using var firstRedis = await ConnectionMultiplexer.ConnectAsync(configuration);
        await using var secondRedis = await ConnectionMultiplexer.ConnectAsync(configuration);
        var waitingReplica = Replica(firstRedis, applicationName);
        var payingReplica = Replica(secondRedis, applicationName);

        var nextPayment = waitingReplica.NextPayment;
        await payingReplica.AnnounceAsync(Ct);

        await waitingReplica.WaitAsync(nextPayment, TimeSpan.FromSeconds(1), Ct);
        Assert.True(nextPayment.IsCompleted, "the waiting replica did not hear of the payment within a second");
    }

    [Fact]
    public async Task Another_shops_payments_wake_nobody_here()
    {
        var configuration = RedisServer.Require();
        await using var firstRedis = await ConnectionMultiplexer.ConnectAsync(configuration);
        await using var secondRedis = await ConnectionMultiplexer.ConnectAsync(configuration);
        var waitingReplica = Replica(firstRedis, RedisServer.UniqueName("orders-api"));
        var otherShop = Replica(secondRedis, RedisServer.UniqueName("orders-api"));

        var nextPayment = waitingReplica.NextPayment;
        await otherShop.AnnounceAsync(Ct);

        await waitingReplica.WaitAsync(nextPayment, TimeSpan.FromMilliseconds(500), Ct);
        Assert.False(nextPayment.IsCompleted);
    }
}
