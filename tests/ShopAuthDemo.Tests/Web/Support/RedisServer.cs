using StackExchange.Redis;
using Xunit;

namespace ShopAuthDemo.Tests.Web.Support;

/// <summary>
/// The real Redis that CI starts (<c>.ci/shared-servers</c>) and names in SHOPAUTHDEMO_REDIS. Tests that need
/// it are skipped without it. Each test works under its own key prefix and deletes it afterwards.
/// </summary>
public static class RedisServer
{
    public const string Variable = "SHOPAUTHDEMO_REDIS";

    /// <summary>The StackExchange.Redis configuration string; skips the test when none is set.</summary>
    public static string Configuration()
    {
        var configuration = Environment.GetEnvironmentVariable(Variable);
        Assert.SkipWhen(string.IsNullOrWhiteSpace(configuration),
            $"{Variable} is not set: no Redis to test against (CI sets it; locally run `bash .ci/shared-servers start`).");
        return configuration!;
    }

    /// <summary>One replica's own connection, as each process of a scaled-out app has.</summary>
    public static async Task<ConnectionMultiplexer> ConnectAsync() => await ConnectionMultiplexer.ConnectAsync(Configuration());

    public static async Task<IReadOnlyList<RedisKey>> KeysAsync(IConnectionMultiplexer redis, string prefix)
    {
        var keys = new List<RedisKey>();
        foreach (var server in redis.GetServers())
            await foreach (var key in server.KeysAsync(pattern: $"{prefix}*")) keys.Add(key);
        return keys;
    }

    public static async Task DeleteAsync(string prefix)
    {
        await using var redis = await ConnectAsync();
        foreach (var key in await KeysAsync(redis, prefix)) await redis.GetDatabase().KeyDeleteAsync(key);
    }
}
