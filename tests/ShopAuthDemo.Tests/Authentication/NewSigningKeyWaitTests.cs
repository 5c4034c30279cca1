using ShopAuthDemo.Tests.Authentication.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Authentication;

// Tokens whose kid the service has not seen yet: a key the identity provider has just published is waited
// for and accepted; made-up kids cost little, are not held for long and cannot keep a genuine key out.
public sealed class NewSigningKeyWaitTests : IDisposable
{
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
}
