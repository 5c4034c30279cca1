using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace ShopAuthDemo.ServiceDefaults.Caching;

/// <summary>
/// A HybridCache (one fetch per key however many callers wait for it) over a memory cache of its own with a
/// size limit, for caches whose keys a caller controls: service tokens exchanged per user token, userinfo
/// answers per user.
/// </summary>
/// <remarks>
/// Anyone who can mint fresh user tokens (sign up, sign in again) can add entries at will: without a limit
/// that grows memory until the process falls over. HybridCache itself has no bound on the number of entries;
/// its memory cache does (SizeLimit, each entry's size set by HybridCache to its serialized bytes). The memory
/// cache is this one's alone: a size limit on the application's shared IMemoryCache would make every other
/// entry in it that carries no size throw. A second level (Redis, shared by the replicas) is there only when
/// the caller brings one: HybridCache takes the IDistributedCache it finds in this container.
/// </remarks>
public sealed class BoundedHybridCache : IDisposable
{
    private readonly ServiceProvider services;

    public BoundedHybridCache(
        long sizeLimitBytes, TimeProvider timeProvider, IDistributedCache? sharedLevel = null, Action<IHybridCacheBuilder>? configure = null)
    {
        var collection = new ServiceCollection()
            .AddSingleton(timeProvider)
            .AddMemoryCache(memory =>
            {
                memory.SizeLimit = sizeLimitBytes;
                memory.TrackStatistics = true;
            });
        if (sharedLevel is not null) collection.AddSingleton(sharedLevel);
        var hybrid = collection.AddHybridCache();
        configure?.Invoke(hybrid);
        services = collection.BuildServiceProvider();
        Cache = services.GetRequiredService<HybridCache>();
        Memory = (MemoryCache)services.GetRequiredService<IMemoryCache>();
    }

    public HybridCache Cache { get; }

    /// <summary>The bounded store underneath, for the dashboard's curious and for tests: Count, size.</summary>
    public MemoryCache Memory { get; }

    public void Dispose() => services.Dispose();
}
