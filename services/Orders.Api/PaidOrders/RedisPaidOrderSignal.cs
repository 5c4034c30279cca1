using StackExchange.Redis;

namespace ShopAuthDemo.Orders.Api.PaidOrders;

/// <summary>
/// Scale-out: the partner may wait on one replica while the order is paid on the other, so a payment is published
/// on a Redis channel that every replica (this one too) subscribes to. Pub/sub keeps no messages: one lost while a
/// replica reconnects delays that partner until its wait ends (<see cref="PaidOrderSignal.LongestWait"/> at most),
/// when it looks again and finds the order in the shared database.
/// </summary>
public sealed class RedisPaidOrderSignal : PaidOrderSignal
{
    private readonly RedisChannel _channel;
    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisPaidOrderSignal> _logger;

    public RedisPaidOrderSignal(IConnectionMultiplexer redis, IHostEnvironment environment, IHostApplicationLifetime lifetime,
        ILogger<RedisPaidOrderSignal> logger) : base(lifetime)
    {
        (_redis, _logger) = (redis, logger);
        _channel = RedisChannel.Literal($"{environment.ApplicationName}:order-paid");
        try
        {
            _redis.GetSubscriber().Subscribe(_channel, (_, _) => Wake());
        }
        catch (RedisException exception)
        {
            // Not fatal: a partner waiting on this replica then hears of payments made on the other when its wait ends.
            _logger.LogWarning("Could not subscribe to paid orders of the other replicas: {Reason}", exception.Message);
        }
    }

    public override async Task AnnounceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _redis.GetSubscriber().PublishAsync(_channel, "paid");
        }
        catch (RedisException exception)
        {
            // The order is paid and saved; only the wake-up is lost. Waiters here still hear of it.
            _logger.LogWarning("Could not announce a paid order to the other replicas: {Reason}", exception.Message);
            Wake();
        }
    }
}
