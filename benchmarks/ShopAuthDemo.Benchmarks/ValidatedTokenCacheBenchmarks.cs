using System.Diagnostics.Metrics;
using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using ShopAuthDemo.ServiceDefaults.Authentication.TokenCache;

namespace ShopAuthDemo.Benchmarks;

// The validated-token cache of ServiceDefaults as the APIs run it: keys from a discovery document, a
// cache holding about 5,000 other callers' tokens, and the per-request copy of the identity.
[Config(typeof(ShortRunConfig))]
[MemoryDiagnoser]
public class ValidatedTokenCacheBenchmarks
{
    private KeycloakAccessToken token = null!;
    private ServiceProvider services = null!;
    private JsonWebTokenHandler stockHandler = null!;
    private CachingJsonWebTokenHandler cachingHandler = null!;
    private TokenValidationParameters parameters = null!;
    private ClaimsIdentity identity = null!;

    [GlobalSetup]
    public void Setup()
    {
        token = new KeycloakAccessToken();
        services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var discovery = new OpenIdConnectConfiguration { Issuer = KeycloakAccessToken.Authority };
        discovery.SigningKeys.Add(token.SigningKey);
        parameters = token.ValidationParameters;
        parameters.IssuerSigningKey = null;
        parameters.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(discovery);

        var options = new ValidatedTokenCacheOptions();
        var cache = new ValidatedTokenCache(options, TimeProvider.System);
        var metrics = new ValidatedTokenCacheMetrics(services.GetRequiredService<IMeterFactory>());
        stockHandler = new JsonWebTokenHandler { MapInboundClaims = false };
        cachingHandler = new CachingJsonWebTokenHandler(cache, options, TimeProvider.System, metrics, TimeSpan.FromSeconds(30)) { MapInboundClaims = false };

        var first = cachingHandler.ValidateTokenAsync(token.Value, parameters).GetAwaiter().GetResult();
        if (!first.IsValid) throw new InvalidOperationException("The benchmark token does not validate.", first.Exception);
        identity = first.ClaimsIdentity;
        // Realistic occupancy, below the point where a new generation starts.
        for (var caller = 0; caller < options.MaxEntries / 2 - 10; caller++)
        {
            cache.Add(
                new CachedValidation($"token-of-caller-{caller}", first.SecurityToken, identity, first.Issuer, DateTimeOffset.UtcNow.AddMinutes(5), cache.KeySetVersion));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        services.Dispose();
        token.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Stock handler: full validation")]
    public async Task<bool> Stock() => (await stockHandler.ValidateTokenAsync(token.Value, parameters)).IsValid;

    [Benchmark(Description = "Caching handler: hit")]
    public async Task<bool> CachedHit() => (await cachingHandler.ValidateTokenAsync(token.Value, parameters)).IsValid;

    [Benchmark(Description = "  of which: TokenHash.Of (XxHash128)")]
    public TokenHash Hash() => TokenHash.Of(token.Value);

    [Benchmark(Description = "  of which: identity copy")]
    public ClaimsIdentity CopyIdentity() => identity.Clone();
}
