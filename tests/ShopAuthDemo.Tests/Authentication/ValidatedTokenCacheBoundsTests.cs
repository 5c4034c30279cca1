using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using ShopAuthDemo.ServiceDefaults.Authentication.TokenCache;
using ShopAuthDemo.Tests.Authentication.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Authentication;

// The cache's memory stays bounded however many distinct callers come, and tokens in use survive eviction.
public sealed class ValidatedTokenCacheBoundsTests
{
    private static readonly DateTimeOffset FarFuture = DateTimeOffset.UtcNow.AddHours(1);

    [Fact]
    public void The_memory_bound_holds_under_100_000_distinct_tokens()
    {
        var options = new ValidatedTokenCacheOptions();
        var cache = new ValidatedTokenCache(options, TimeProvider.System);
        var largestSeen = 0;
        // Weak references see what the cache keeps alive, independent of other tests' allocations.
        var identities = new List<WeakReference<ClaimsIdentity>>(100_000);

        for (var caller = 0; caller < 100_000; caller++)
        {
            // A distinct identity per token, as distinct callers would bring.
            var identity = new ClaimsIdentity([new Claim("sub", $"caller-{caller}")], "Bearer");
            identities.Add(new WeakReference<ClaimsIdentity>(identity));
            cache.Add(Entry(cache, $"token-of-caller-{caller}", identity));
            largestSeen = Math.Max(largestSeen, cache.Count);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var retained = identities.Count(reference => reference.TryGetTarget(out _));

        Assert.InRange(largestSeen, options.MaxEntries / 2, options.MaxEntries);
        Assert.InRange(retained, 1, options.MaxEntries);
        GC.KeepAlive(cache);
    }

    [Fact]
    public void A_token_in_use_survives_while_one_off_tokens_age_out()
    {
        var cache = new ValidatedTokenCache(new ValidatedTokenCacheOptions { MaxEntries = 100 }, TimeProvider.System);
        const string regular = "the-regular-caller";
        cache.Add(Entry(cache, regular, new ClaimsIdentity()));

        for (var oneOff = 0; oneOff < 1_000; oneOff++)
        {
            cache.Add(Entry(cache, $"one-off-{oneOff}", new ClaimsIdentity()));
            Assert.True(cache.TryGet(regular, out _), $"evicted after {oneOff} one-off tokens");
        }

        Assert.False(cache.TryGet("one-off-0", out _));
        Assert.InRange(cache.Count, 1, 100);
    }

    [Fact]
    public async Task Real_tokens_beyond_the_bound_are_evicted_and_still_validate()
    {
        using var bench = new TokenCacheBench(new ValidatedTokenCacheOptions { MaxEntries = 20 });
        var tokens = Enumerable.Range(0, 60)
            .Select(caller => bench.Token(TestToken.Customer with { Subject = $"caller-{caller}" }))
            .ToList();

        foreach (var token in tokens)
        {
            Assert.True((await bench.ValidateAsync(token)).IsValid);
            Assert.InRange(bench.Cache.Count, 1, 20);
        }
        // The first callers were evicted: their next request is a full validation again, and succeeds.
        Assert.Equal("caller-0", (await bench.ValidateAsync(tokens[0])).ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.Equal(61, bench.Misses);
    }

    [Fact]
    public void Even_a_hash_collision_never_serves_another_tokens_entry()
    {
        // Every token gets the same hash: only the exact-string check keeps carol's principal from alice.
        var cache = new ValidatedTokenCache(new ValidatedTokenCacheOptions(), TimeProvider.System, _ => new TokenHash(42));
        cache.Add(Entry(cache, "carols-token", new ClaimsIdentity([new Claim("sub", "carol")], "Bearer")));

        Assert.False(cache.TryGet("alices-token", out _));
        Assert.True(cache.TryGet("carols-token", out var carol));
        Assert.Equal("carol", carol.Identity.FindFirst("sub")?.Value);
    }

    private static CachedValidation Entry(ValidatedTokenCache cache, string token, ClaimsIdentity identity) =>
        new(token, new JsonWebToken("{}", "{}"), identity, TestTokenIssuer.Authority, FarFuture, cache.KeySetVersion);
}
