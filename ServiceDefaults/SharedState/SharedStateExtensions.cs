using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.ServiceDefaults.SharedState;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

public static class SharedStateExtensions
{
    /// <summary>
    /// One data-protection key ring per application, and with Redis a shared one (plus IDistributedCache), so that
    /// a cookie or token protected by one replica is read by the other. Without Redis: keys on this machine's disk.
    /// </summary>
    public static TBuilder AddSharedState<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // The same name on every replica (the default is derived from the content root path, which two
        // machines need not share); different apps keep apart rings, so one cannot read the other's cookies.
        var applicationName = builder.Environment.ApplicationName;
        builder.Services.AddDataProtection().SetApplicationName(applicationName)
            .ProtectKeysWithConfiguredCertificate(builder.Configuration);

        if (!SharedStateSettings.UsesRedis(builder.Configuration)) return builder;

        // Aspire's client: one multiplexer, health check, traces; ConnectionStrings:redis from the AppHost.
        builder.AddRedisClient(SharedStateSettings.RedisConnectionName);

        // Under the app's prefix, which its Redis user alone may read (the AppHost makes one per app); encrypted with
        // the app's certificate when given one (KeyRingCertificate), so a copy of Redis' data does not hand out the keys.
        var keyPrefix = SharedStateSettings.KeyPrefix(applicationName);
        RedisKey keyRing = $"{keyPrefix}data-protection";
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IConnectionMultiplexer>((options, redis) =>
                options.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), keyRing));

        builder.Services.AddStackExchangeRedisCache(_ => { });
        builder.Services.AddOptions<RedisCacheOptions>()
            .Configure<IServiceProvider>((options, services) =>
            {
                options.InstanceName = keyPrefix;
                options.ConnectionMultiplexerFactory = () => Task.FromResult(services.GetRequiredService<IConnectionMultiplexer>());
            });

        return builder;
    }
}
