using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using ShopAuthDemo.ServiceDefaults.Caching;

namespace ShopAuthDemo.ServiceDefaults.TokenManagement;

/// <summary>
/// Where AccessTokenCache keeps tokens: a <see cref="BoundedHybridCache"/>, because token exchange makes one
/// entry per user token and anyone who can mint user tokens could otherwise grow it without end.
/// </summary>
// "Identity": { "AccessTokenCache": { "SizeLimitBytes": 10485760 } } — about 5,000 tokens of 2 KB.
public sealed class AccessTokenStorage(long sizeLimitBytes, TimeProvider timeProvider) : IDisposable
{
    public const string SectionName = "Identity:AccessTokenCache";
    public const long DefaultSizeLimitBytes = 10 * 1024 * 1024;

    private readonly BoundedHybridCache store = new(sizeLimitBytes, timeProvider);

    public HybridCache Cache => store.Cache;

    /// <summary>The bounded store underneath, for the dashboard's curious and for tests: Count, size.</summary>
    public MemoryCache Memory => store.Memory;

    public static long SizeLimitFrom(IConfiguration configuration) =>
        configuration.GetSection(SectionName).GetValue<long?>("SizeLimitBytes") is { } limit
            ? limit > 0 ? limit : throw new InvalidOperationException($"{SectionName}:SizeLimitBytes must be positive (got {limit}).")
            : DefaultSizeLimitBytes;

    public void Dispose() => store.Dispose();
}
