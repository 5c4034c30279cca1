using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.IdentityModel.Tokens;
using ShopAuthDemo.ServiceDefaults.Authentication.TokenCache;
using ShopAuthDemo.Tests.Support;

namespace ShopAuthDemo.Tests.Authentication.Support;

// The caching token handler with the validation rules of the shared JWT setup, a key the test controls,
// and counters of cache hits and misses.
public sealed class TokenCacheBench : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MetricCollector<long> _hits;
    private readonly MetricCollector<long> _misses;

    /// <param name="keyRefreshInterval">JwtBearerOptions.RefreshInterval: how often the keys may be fetched again.</param>
    public TokenCacheBench(ValidatedTokenCacheOptions? options = null, TimeSpan? clockSkew = null, TimeProvider? time = null,
        TimeSpan? keyRefreshInterval = null)
    {
        options ??= new ValidatedTokenCacheOptions();
        time ??= TimeProvider.System;
        var meterFactory = _services.GetRequiredService<IMeterFactory>();
        _hits = new(meterFactory, ValidatedTokenCacheMetrics.MeterName, "validated_token_cache.hits");
        _misses = new(meterFactory, ValidatedTokenCacheMetrics.MeterName, "validated_token_cache.misses");

        SigningKey = NewKey("key-1");
        Keys = new SwitchableConfigurationManager(SigningKey) { RefreshInterval = keyRefreshInterval ?? TimeSpan.FromSeconds(1) };
        Cache = new ValidatedTokenCache(options, time);
        Handler = new CachingJsonWebTokenHandler(Cache, options, time, new ValidatedTokenCacheMetrics(meterFactory),
            Keys.RefreshInterval)
        {
            MapInboundClaims = false,
        };
        Parameters = new TokenValidationParameters
        {
            ValidIssuer = TestTokenIssuer.Authority,
            ValidAudience = "catalog-api",
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            TryAllIssuerSigningKeys = false,
            ClockSkew = clockSkew ?? TimeSpan.FromSeconds(30),
            NameClaimType = "preferred_username",
            ConfigurationManager = Keys,
        };
    }

    public RsaSecurityKey SigningKey { get; }

    public SwitchableConfigurationManager Keys { get; }

    public ValidatedTokenCache Cache { get; }

    public CachingJsonWebTokenHandler Handler { get; }

    public TokenValidationParameters Parameters { get; }

    public long Hits => _hits.GetMeasurementSnapshot().Sum(measurement => measurement.Value);

    public long Misses => _misses.GetMeasurementSnapshot().Sum(measurement => measurement.Value);

    public static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    public string Token(TestToken token) => TestTokenIssuer.CreateToken(token, SigningKey);

    public Task<TokenValidationResult> ValidateAsync(string token) => Handler.ValidateTokenAsync(token, Parameters);

    public void Dispose()
    {
        _hits.Dispose();
        _misses.Dispose();
        _services.Dispose();
    }
}
