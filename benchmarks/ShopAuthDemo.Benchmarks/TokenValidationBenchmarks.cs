using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ShopAuthDemo.Benchmarks;

// What one authenticated request costs today (full validation) and what a validated-token cache hit
// would cost instead (hash of the token + lookup). The cache itself is future work (issue 7).
[Config(typeof(ShortRunConfig))]
[MemoryDiagnoser]
public class TokenValidationBenchmarks
{
    private KeycloakAccessToken token = null!;
    private JsonWebTokenHandler handler = null!;
    private TokenValidationParameters parameters = null!;
    private byte[] signedPart = null!;
    private byte[] signature = null!;
    private string cacheKey = null!;
    private ConcurrentDictionary<string, ClaimsPrincipal> dictionary = null!;
    private MemoryCache memoryCache = null!;

    [GlobalSetup]
    public void Setup()
    {
        token = new KeycloakAccessToken();
        // As JwtBearer with MapInboundClaims = false: keep Keycloak's claim names.
        handler = new JsonWebTokenHandler { MapInboundClaims = false };
        parameters = token.ValidationParameters;

        var lastDot = token.Value.LastIndexOf('.');
        signedPart = Encoding.ASCII.GetBytes(token.Value[..lastDot]);
        signature = Base64UrlEncoder.DecodeBytes(token.Value[(lastDot + 1)..]);

        var result = handler.ValidateTokenAsync(token.Value, parameters).GetAwaiter().GetResult();
        if (!result.IsValid) throw new InvalidOperationException("The benchmark token does not validate.", result.Exception);

        cacheKey = CacheKeyOf(token.Value);
        var principal = new ClaimsPrincipal(result.ClaimsIdentity);
        // Realistic occupancy: the entry sits among other callers' tokens.
        dictionary = new ConcurrentDictionary<string, ClaimsPrincipal>();
        memoryCache = new MemoryCache(new MemoryCacheOptions());
        for (var i = 0; i < 10_000; i++)
        {
            var other = CacheKeyOf($"other-token-{i}");
            dictionary[other] = principal;
            memoryCache.Set(other, principal);
        }
        dictionary[cacheKey] = principal;
        memoryCache.Set(cacheKey, principal);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        memoryCache.Dispose();
        token.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Full ValidateTokenAsync (RS256)")]
    public async Task<bool> FullValidation() =>
        (await handler.ValidateTokenAsync(token.Value, parameters)).IsValid;

    [Benchmark(Description = "RSA-2048 verify only")]
    public bool RsaVerify() =>
        token.PublicKey.VerifyData(signedPart, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    [Benchmark(Description = "SHA-256 of token (cache key)")]
    public string Sha256OfToken() => CacheKeyOf(token.Value);

    [Benchmark(Description = "ConcurrentDictionary hit")]
    public ClaimsPrincipal? DictionaryHit() => dictionary.TryGetValue(cacheKey, out var principal) ? principal : null;

    [Benchmark(Description = "MemoryCache hit")]
    public ClaimsPrincipal? MemoryCacheHit() => memoryCache.TryGetValue(cacheKey, out ClaimsPrincipal? principal) ? principal : null;

    [Benchmark(Description = "Cached path: SHA-256 + dictionary hit")]
    public ClaimsPrincipal? CachedPath() => dictionary.TryGetValue(CacheKeyOf(token.Value), out var principal) ? principal : null;

    // The key is a hash, not the token: a cache dump or heap snapshot must not hand out usable tokens.
    private static string CacheKeyOf(string token)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var utf8 = Encoding.UTF8.GetBytes(token);
        SHA256.HashData(utf8, hash);
        return Convert.ToBase64String(hash);
    }
}
