using ShopAuthDemo.Web.Authentication.Sessions;
using StackExchange.Redis;

namespace ShopAuthDemo.Web.Authentication.BackchannelLogout;

/// <summary>The accepted logout tokens' ids in Redis, seen alike by every replica of the app.</summary>
public sealed class RedisLogoutTokenReplayCache(IConnectionMultiplexer redis, RedisSessionKeys keys, TimeProvider time)
    : ILogoutTokenReplayCache
{
    // SET NX with an expiry: one atomic step, so of two replicas receiving the same token only one accepts it.
    public Task<bool> TryRememberAsync(string jti, DateTimeOffset keepUntil)
    {
        var keep = keepUntil - time.GetUtcNow();
        return redis.GetDatabase().StringSetAsync(keys.AcceptedLogoutToken(jti), 1,
            keep > TimeSpan.Zero ? keep : TimeSpan.FromSeconds(1), When.NotExists);
    }

    public Task ForgetAsync(string jti) => redis.GetDatabase().KeyDeleteAsync(keys.AcceptedLogoutToken(jti));
}
