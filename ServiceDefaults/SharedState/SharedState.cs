using Microsoft.Extensions.Configuration;

namespace ShopAuthDemo.ServiceDefaults.SharedState;

/// <summary>
/// Where the state that every replica of a service must see alike lives: Redis when the AppHost references one
/// (<c>ConnectionStrings:redis</c>), otherwise this process (one replica, the embedded default).
/// </summary>
/// <remarks>
/// Shared: the data-protection key ring (cookies, antiforgery tokens, circuits and cached tokens are protected
/// with it), the web apps' sessions and the logout registry, service token caches, the gateway's rate limit.
/// </remarks>
public static class SharedStateSettings
{
    /// <summary>The connection name the AppHost gives Redis, and the client integration reads.</summary>
    public const string RedisConnectionName = "redis";

    /// <summary>
    /// Where every Redis key of an app starts: its key ring, cache entries, web sessions and rate-limit windows. The
    /// AppHost gives each app a Redis user allowed these keys only (AppHost/Storage/Accounts/RedisAccount.cs), built
    /// from the same name: ApplicationName, the app's entry assembly (Shop.Web, Gateway).
    /// </summary>
    public static string KeyPrefix(string applicationName) => $"{applicationName}:";

    public static bool UsesRedis(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString(RedisConnectionName));
}
