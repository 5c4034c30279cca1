using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.ServiceDefaults.Caching;

namespace ShopAuthDemo.ServiceDefaults.TokenManagement;

/// <summary>
/// Where AccessTokenCache keeps tokens: a <see cref="BoundedHybridCache"/>, because token exchange makes one
/// entry per user token and anyone who can mint user tokens could otherwise grow it without end. In scale-out
/// (Redis) also a second level that this service's replicas share, so a token one fetched serves all of them,
/// written only encrypted (<see cref="ProtectedAccessTokenSerializer"/>). Without Redis: this process only.
/// </summary>
// "Identity": { "AccessTokenCache": { "SizeLimitBytes": 10485760 } } — about 5,000 tokens of 2 KB.
public sealed class AccessTokenStorage(
    long sizeLimitBytes, TimeProvider timeProvider, IDistributedCache? replicas = null, IDataProtectionProvider? dataProtection = null)
    : IDisposable
{
    public const string SectionName = "Identity:AccessTokenCache";
    public const long DefaultSizeLimitBytes = 10 * 1024 * 1024;

    private readonly BoundedHybridCache store = replicas is null
        ? new(sizeLimitBytes, timeProvider)
        : new(sizeLimitBytes, timeProvider, replicas, hybrid => hybrid.AddSerializer(new ProtectedAccessTokenSerializer(
            dataProtection ?? throw new ArgumentNullException(nameof(dataProtection), "Tokens are written to Redis only encrypted."))));

    public HybridCache Cache => store.Cache;

    /// <summary>The bounded store underneath, for the dashboard's curious and for tests: Count, size.</summary>
    public MemoryCache Memory => store.Memory;

    // Redis from ServiceDefaults' SharedState (IDistributedCache, one data-protection ring per application) when the
    // AppHost references one.
    public static AccessTokenStorage Create(IServiceProvider services, long sizeLimitBytes, bool sharedAcrossReplicas) =>
        sharedAcrossReplicas
            ? new(sizeLimitBytes, services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<IDistributedCache>(), services.GetRequiredService<IDataProtectionProvider>())
            : new(sizeLimitBytes, services.GetRequiredService<TimeProvider>());

    public static long SizeLimitFrom(IConfiguration configuration) =>
        configuration.GetSection(SectionName).GetValue<long?>("SizeLimitBytes") is { } limit
            ? limit > 0 ? limit : throw new InvalidOperationException($"{SectionName}:SizeLimitBytes must be positive (got {limit}).")
            : DefaultSizeLimitBytes;

    public void Dispose() => store.Dispose();
}
