using StackExchange.Redis;
using Xunit;

namespace ShopAuthDemo.Tests.Support;

/// <summary>
/// The real Redis that .ci/shared-servers starts on loopback, named by SHOPAUTHDEMO_REDIS (a StackExchange.Redis
/// configuration string). Tests that need it are skipped without it; each uses keys of its own and deletes them.
/// </summary>
public static class RedisServer
{
    public const string Variable = "SHOPAUTHDEMO_REDIS";

    /// <summary>The configuration string, or skips the calling test when none is given.</summary>
    public static string Require() => SharedServers.Redis;

    /// <summary>A name no other test (or earlier run) uses, for key prefixes and application names.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>Deletes every key matching the glob patterns (e.g. "orders-api-1234*").</summary>
    public static async Task DeleteKeysAsync(params string[] patterns)
    {
        var configuration = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(configuration)) return;

        await using var redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        foreach (var pattern in patterns)
        {
            await foreach (var key in server.KeysAsync(pattern: pattern))
            {
                await redis.GetDatabase().KeyDeleteAsync(key);
            }
        }
    }
}
