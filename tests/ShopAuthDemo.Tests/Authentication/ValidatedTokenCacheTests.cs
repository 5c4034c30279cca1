using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using ShopAuthDemo.ServiceDefaults.Authentication.TokenCache;
using ShopAuthDemo.Tests.Authentication.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Authentication;

// The validated-token cache in front of the JWT handler: what may and may not come out of it.
public sealed class ValidatedTokenCacheTests : IDisposable
{
    private readonly TokenCacheBench _bench = new();

    public void Dispose() => _bench.Dispose();

    [Fact]
    public async Task A_valid_token_is_verified_once_then_served_from_the_cache()
    {
        var token = _bench.Token(TestToken.Customer);

        for (var request = 0; request < 5; request++)
        {
            Assert.True((await _bench.ValidateAsync(token)).IsValid);
        }

        Assert.Equal(1, _bench.Misses);
        Assert.Equal(4, _bench.Hits);
    }

    [Fact]
    public async Task A_token_that_failed_validation_is_never_cached()
    {
        var wrongAudience = _bench.Token(TestToken.Customer with { Audiences = ["payments-api"] });
        var otherKey = TestTokenIssuer.CreateToken(TestToken.Customer, TokenCacheBench.NewKey("key-1"));

        foreach (var token in new[] { wrongAudience, otherKey })
        {
            for (var request = 0; request < 3; request++)
            {
                Assert.False((await _bench.ValidateAsync(token)).IsValid);
            }
        }

        Assert.Equal(0, _bench.Cache.Count);
        Assert.Equal(0, _bench.Hits);
        Assert.Equal(6, _bench.Misses);
    }

    [Fact]
    public async Task A_cached_token_is_rejected_once_it_expires()
    {
        // No clock skew here, so the expiry is exact; the cache must honour exp on every hit.
        using var bench = new TokenCacheBench(clockSkew: TimeSpan.Zero);
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var token = bench.Token(TestToken.Customer with { IssuedAt = issuedAt, Lifetime = TimeSpan.FromSeconds(4) });
        Assert.True((await bench.ValidateAsync(token)).IsValid);
        Assert.True((await bench.ValidateAsync(token)).IsValid);
        Assert.Equal(1, bench.Hits);

        await Task.Delay(issuedAt.AddSeconds(4.2) - DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
        var afterExpiry = await bench.ValidateAsync(token);

        Assert.False(afterExpiry.IsValid);
        Assert.IsType<SecurityTokenExpiredException>(afterExpiry.Exception);
        Assert.Equal(1, bench.Hits);
    }

    [Fact]
    public async Task A_change_of_signing_keys_flushes_the_cache()
    {
        var token = _bench.Token(TestToken.Customer);
        await _bench.ValidateAsync(token);
        await _bench.ValidateAsync(token);
        Assert.Equal(1, _bench.Hits);

        // The key that signed the cached token is withdrawn (say it leaked): the token must stop working at once.
        _bench.Keys.Publish(TokenCacheBench.NewKey("key-2"));
        var afterRotation = await _bench.ValidateAsync(token);

        Assert.False(afterRotation.IsValid);
        Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(afterRotation.Exception);
        Assert.Equal(1, _bench.Hits);
        Assert.Equal(0, _bench.Cache.Count);
    }

    [Fact]
    public async Task An_added_signing_key_also_flushes_but_tokens_of_the_kept_key_still_validate()
    {
        var token = _bench.Token(TestToken.Customer);
        await _bench.ValidateAsync(token);
        var versionBefore = _bench.Cache.KeySetVersion;

        _bench.Keys.Publish(_bench.SigningKey, TokenCacheBench.NewKey("key-2"));

        Assert.True((await _bench.ValidateAsync(token)).IsValid);
        Assert.Equal(versionBefore + 1, _bench.Cache.KeySetVersion);
        Assert.Equal(2, _bench.Misses);
    }

    [Fact]
    public async Task The_same_keys_in_a_refreshed_document_keep_the_cache()
    {
        var token = _bench.Token(TestToken.Customer);
        await _bench.ValidateAsync(token);

        _bench.Keys.Publish(_bench.SigningKey);
        await _bench.ValidateAsync(token);

        Assert.Equal(1, _bench.Hits);
    }

    [Fact]
    public async Task Two_different_tokens_never_share_a_principal()
    {
        var alice = _bench.Token(TestToken.Customer);
        var carol = _bench.Token(TestToken.Admin);
        // The same user's next token: other iat and exp, so another signature and a cache entry of its own.
        var aliceAgain = _bench.Token(TestToken.Customer with { IssuedAt = DateTimeOffset.UtcNow.AddSeconds(-10) });

        for (var round = 0; round < 3; round++)
        {
            Assert.Equal("alice", (await _bench.ValidateAsync(alice)).ClaimsIdentity.Name);
            Assert.Equal("carol", (await _bench.ValidateAsync(carol)).ClaimsIdentity.Name);
            Assert.Equal("alice", (await _bench.ValidateAsync(aliceAgain)).ClaimsIdentity.Name);
        }

        Assert.Equal(3, _bench.Cache.Count);
        Assert.Equal(6, _bench.Hits);
    }

    [Fact]
    public async Task Each_request_gets_its_own_copy_of_the_cached_identity()
    {
        var token = _bench.Token(TestToken.Customer);
        await _bench.ValidateAsync(token);

        var first = (await _bench.ValidateAsync(token)).ClaimsIdentity;
        first.AddClaim(new System.Security.Claims.Claim("role", "admin"));
        var second = (await _bench.ValidateAsync(token)).ClaimsIdentity;

        Assert.NotSame(first, second);
        Assert.False(second.HasClaim("role", "admin"));
    }

    [Fact]
    public async Task No_entry_outlives_the_configured_maximum_even_if_the_token_lives_longer()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var bench = new TokenCacheBench(new ValidatedTokenCacheOptions { MaxEntryLifetime = TimeSpan.FromSeconds(20) }, time: time);
        var token = bench.Token(TestToken.Customer with { Lifetime = TimeSpan.FromMinutes(5) });
        await bench.ValidateAsync(token);

        time.Advance(TimeSpan.FromSeconds(19));
        await bench.ValidateAsync(token);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True((await bench.ValidateAsync(token)).IsValid);

        Assert.Equal(1, bench.Hits);
        Assert.Equal(2, bench.Misses);
    }

    [Fact]
    public async Task Changing_the_first_requests_identity_does_not_change_what_is_cached()
    {
        var token = _bench.Token(TestToken.Customer);

        var first = (await _bench.ValidateAsync(token)).ClaimsIdentity;
        first.AddClaim(new System.Security.Claims.Claim("role", "admin"));
        var fromCache = (await _bench.ValidateAsync(token)).ClaimsIdentity;

        Assert.Equal(1, _bench.Hits);
        Assert.False(fromCache.HasClaim("role", "admin"));
    }
}
