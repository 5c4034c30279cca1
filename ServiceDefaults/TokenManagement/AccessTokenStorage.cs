using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ShopAuthDemo.ServiceDefaults.TokenManagement;

/// <summary>
/// Where AccessTokenCache keeps tokens: a HybridCache over a memory cache of its own with a size limit.
/// </summary>
/// <remarks>
/// Token exchange makes one entry per user token, so anyone who can mint fresh user tokens (sign up, sign in
/// again) can add entries at will: without a limit that grows memory until the process falls over. HybridCache
/// itself has no bound on the number of entries; its memory cache does (SizeLimit, with each entry's size set
/// by HybridCache to the entry's serialized bytes). That memory cache is this one's alone: a size limit on the
/// application's shared IMemoryCache would make every other entry in it that carries no size throw.
/// </remarks>
// "Identity": { "AccessTokenCache": { "SizeLimitBytes": 10485760 } } — about 5,000 tokens of 2 KB.
public sealed class AccessTokenStorage : IDisposable
{
    public const string SectionName = "Identity:AccessTokenCache";
    public const long DefaultSizeLimitBytes = 10 * 1024 * 1024;

    private readonly ServiceProvider _services;

    public AccessTokenStorage(long sizeLimitBytes, TimeProvider timeProvider)
    {
        var services = new ServiceCollection();
        services.AddSingleton(timeProvider);
        services.AddMemoryCache(memory =>
        {
            memory.SizeLimit = sizeLimitBytes;
            memory.TrackStatistics = true;
        });
        services.AddHybridCache();
        _services = services.BuildServiceProvider();
        Cache = _services.GetRequiredService<HybridCache>();
        Memory = (MemoryCache)_services.GetRequiredService<IMemoryCache>();
    }

    public HybridCache Cache { get; }

    /// <summary>The bounded store underneath, for the dashboard's curious and for tests: Count, size.</summary>
    public MemoryCache Memory { get; }

    public static long SizeLimitFrom(IConfiguration configuration) =>
        configuration.GetSection(SectionName).GetValue<long?>("SizeLimitBytes") is { } limit
            ? limit > 0 ? limit : throw new InvalidOperationException($"{SectionName}:SizeLimitBytes must be positive (got {limit}).")
            : DefaultSizeLimitBytes;

    public void Dispose() => _services.Dispose();
}
