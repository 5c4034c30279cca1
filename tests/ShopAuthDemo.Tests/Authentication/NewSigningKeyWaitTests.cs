using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using ShopAuthDemo.ServiceDefaults.Authentication.TokenCache;
using ShopAuthDemo.Tests.Authentication.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Authentication;

// Tokens whose kid the service has not seen yet: a key the identity provider has just published is waited
// for and accepted; made-up kids cost little, are not held for long and cannot keep a genuine key out.
public sealed class NewSigningKeyWaitTests : IDisposable
{
    private static readonly RSA Forger = RSA.Create(2048);

    private readonly TokenCacheBench _bench = new();

    public void Dispose() => _bench.Dispose();

    [Fact]
    public async Task A_token_of_a_key_published_moments_later_waits_for_it_and_validates()
    {
        var newKey = TokenCacheBench.NewKey("key-2");
        var token = TestTokenIssuer.CreateToken(TestToken.Customer, newKey);
        await _bench.ValidateAsync(_bench.Token(TestToken.Customer));

        var validation = _bench.ValidateAsync(token);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        _bench.Keys.Publish(_bench.SigningKey, newKey);

        Assert.True((await validation).IsValid);
    }

    [Fact]
    public async Task A_made_up_kid_does_not_keep_out_a_key_published_right_after_it()
    {
        // The production refresh interval (5 s): the genuine key's first token waits for the next fetch.
        using var bench = new TokenCacheBench(keyRefreshInterval: TimeSpan.FromSeconds(5));
        await bench.ValidateAsync(bench.Token(TestToken.Customer));
        var forged = TestTokenIssuer.CreateToken(TestToken.Customer, TokenCacheBench.NewKey("made-up"));
        Assert.False((await bench.ValidateAsync(forged)).IsValid);

        // The identity provider rotates a moment later; its first token meets keys fetched just before.
        var newKey = TokenCacheBench.NewKey("key-2");
        bench.Keys.PublishAtIdentityProvider(bench.SigningKey, newKey);
        var genuine = await bench.ValidateAsync(TestTokenIssuer.CreateToken(TestToken.Customer, newKey));

        Assert.True(genuine.IsValid, genuine.Exception?.Message);
    }

    [Fact]
    public async Task Made_up_kids_cost_at_most_one_fetch_per_refresh_interval_and_each_waits_only_for_the_next_fetch()
    {
        var forger = TokenCacheBench.NewKey("made-up");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var longestWait = TimeSpan.Zero;
        var attempts = 0;

        while (clock.Elapsed < TimeSpan.FromSeconds(2.5))
        {
            forger.KeyId = $"made-up-{++attempts}";
            var started = clock.Elapsed;
            Assert.False((await _bench.ValidateAsync(TestTokenIssuer.CreateToken(TestToken.Customer, forger))).IsValid);
            longestWait = TimeSpan.FromTicks(Math.Max(longestWait.Ticks, (clock.Elapsed - started).Ticks));
        }

        // Refresh interval 1 s: about one fetch a second, however many forged kids (2.5 s -> at most 4 with the first).
        Assert.InRange(_bench.Keys.Fetches, 1, 4);
        // Each waits for the next fetch: at most one interval plus the time a fetch may take (2 s), plus slack for a busy machine.
        Assert.InRange(longestWait, TimeSpan.Zero, TimeSpan.FromSeconds(4));
        Assert.True(attempts >= 2);
    }

    [Fact]
    public async Task Without_any_answer_from_the_identity_provider_only_the_first_unknown_kid_waits()
    {
        await _bench.ValidateAsync(_bench.Token(TestToken.Customer));
        // Fetches that never bring anything new: the bench's identity provider is "down" (RequestRefresh does nothing).
        _bench.Keys.RefreshInterval = TimeSpan.FromDays(1);
        _bench.Keys.RequestRefresh();
        var forger = TokenCacheBench.NewKey("made-up-1");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        Assert.False((await _bench.ValidateAsync(TestTokenIssuer.CreateToken(TestToken.Customer, forger))).IsValid);
        var waitedFirst = clock.Elapsed;
        clock.Restart();
        for (var attempt = 2; attempt <= 5; attempt++)
        {
            forger.KeyId = $"made-up-{attempt}";
            Assert.False((await _bench.ValidateAsync(TestTokenIssuer.CreateToken(TestToken.Customer, forger))).IsValid);
        }

        Assert.InRange(waitedFirst, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_burst_of_made_up_kids_issued_before_the_last_fetch_is_refused_without_waiting()
    {
        // The production refresh interval (5 s): a request that waited for the next fetch would take up to that long.
        using var bench = new TokenCacheBench(keyRefreshInterval: TimeSpan.FromSeconds(5));
        var issuedEarlier = DateTimeOffset.UtcNow.AddMinutes(-2);
        // One made-up kid waits for a fetch of the keys; that fetch, made after the tokens were issued, lacks them.
        Assert.False((await bench.ValidateAsync(MadeUp("made-up-0", issuedEarlier))).IsValid);
        var burst = Enumerable.Range(1, 50).Select(n => MadeUp($"made-up-{n}", issuedEarlier)).ToList();
        var clock = Stopwatch.StartNew();

        var results = await Task.WhenAll(burst.Select(bench.ValidateAsync));

        Assert.All(results, result => Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(result.Exception));
        // A key published before these tokens were signed would have been in that fetch: none can appear later.
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Beyond_the_limit_requests_with_unknown_kids_are_refused_at_once_instead_of_waiting()
    {
        using var bench = new TokenCacheBench(new ValidatedTokenCacheOptions { MaxWaitingForNewKey = 4 },
            keyRefreshInterval: TimeSpan.FromSeconds(5));
        await bench.ValidateAsync(bench.Token(TestToken.Customer));
        // No fetch brings anything new until the test publishes: whoever waits, keeps waiting.
        bench.Keys.RefreshInterval = TimeSpan.FromDays(1);
        bench.Keys.RequestRefresh();
        // Freshly issued, so the shortcut for tokens older than the last fetch does not apply.
        var forged = Enumerable.Range(1, 14).Select(n => MadeUp($"made-up-{n}", DateTimeOffset.UtcNow)).ToList();

        var waiting = forged.Take(4).Select(bench.ValidateAsync).ToList();
        await Task.Delay(200, TestContext.Current.CancellationToken);
        var clock = Stopwatch.StartNew();
        var excess = await Task.WhenAll(forged.Skip(4).Select(bench.ValidateAsync));
        var refusedWithin = clock.Elapsed;
        var stillWaiting = waiting.Count(validation => !validation.IsCompleted);
        bench.Keys.Publish(bench.SigningKey);

        Assert.All(excess, result => Assert.False(result.IsValid));
        Assert.InRange(refusedWithin, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Equal(4, stillWaiting);
        Assert.All(await Task.WhenAll(waiting), result => Assert.False(result.IsValid));
    }

    [Fact]
    public async Task A_key_published_right_after_a_burst_of_refused_made_up_kids_is_still_accepted()
    {
        var issuedEarlier = DateTimeOffset.UtcNow.AddMinutes(-2);
        await _bench.ValidateAsync(_bench.Token(TestToken.Customer));
        Assert.False((await _bench.ValidateAsync(MadeUp("made-up-0", issuedEarlier))).IsValid);
        Assert.All(await Task.WhenAll(Enumerable.Range(1, 20).Select(n => _bench.ValidateAsync(MadeUp($"made-up-{n}", issuedEarlier)))),
            result => Assert.False(result.IsValid));

        // The identity provider rotates a moment later; its first token meets keys fetched just before.
        var newKey = TokenCacheBench.NewKey("key-2");
        _bench.Keys.PublishAtIdentityProvider(_bench.SigningKey, newKey);
        var genuine = await _bench.ValidateAsync(TestTokenIssuer.CreateToken(TestToken.Customer, newKey));

        Assert.True(genuine.IsValid, genuine.Exception?.Message);
    }

    // A well-formed token signed by a key the identity provider never had, under a kid of the forger's choosing.
    private static string MadeUp(string kid, DateTimeOffset issuedAt) =>
        TestTokenIssuer.CreateToken(TestToken.Customer with { IssuedAt = issuedAt }, new RsaSecurityKey(Forger) { KeyId = kid });
}
