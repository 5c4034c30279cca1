using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.ServiceDefaults.TokenManagement;
using ShopAuthDemo.Tests.TokenManagement.Support;
using Xunit;

namespace ShopAuthDemo.Tests.TokenManagement;

/// <summary>
/// Token exchange keeps one entry per user token, and anyone who can get fresh user tokens can make more:
/// the cache is bounded in size, and no entry outlives the token it holds.
/// </summary>
public sealed class TokenExchangeCacheBoundsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task ExchangeForUsersAsync(TokenManagementTestHost host, int users)
    {
        using var payments = host.CreateClient(TokenManagementTestHost.PaymentsForUser);
        for (var user = 0; user < users; user++)
        {
            host.SubjectToken.Current = $"user-{user}-fresh-access-token-{new string('x', 1000)}";
            await payments.GetAsync("/api/anything", Ct);
        }
    }

    [Fact]
    public async Task A_flood_of_fresh_user_tokens_stays_within_the_cache_size_limit()
    {
        const long limit = 16 * 1024;
        using var host = new TokenManagementTestHost(settings => settings["Identity:AccessTokenCache:SizeLimitBytes"] = $"{limit}");
        var memory = host.Services.GetRequiredService<AccessTokenStorage>().Memory;

        await ExchangeForUsersAsync(host, users: 500);

        // Over the limit new entries are simply not kept (and older ones compacted away): every call still worked.
        Assert.Equal(500, host.IdentityProvider.TokenRequestCount);
        // The bound is in bytes (each entry is sized by its serialized token), so the count only has to stay
        // below the number of users; how many fit depends on the tokens' length.
        Assert.InRange(memory.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0, 1, limit);
        Assert.InRange(memory.Count, 1, 499);
    }

    [Fact]
    public async Task An_exchanged_token_leaves_the_cache_when_it_is_due_for_renewal_not_an_hour_later()
    {
        using var host = new TokenManagementTestHost();
        host.IdentityProvider.ExpiresIn = 2;
        var memory = host.Services.GetRequiredService<AccessTokenStorage>().Memory;

        await ExchangeForUsersAsync(host, users: 3);
        Assert.Equal(3, memory.Count);

        // A 2 s token is renewed 0.5 s before it expires; a second later nothing of it is left in memory.
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);
        memory.Compact(0);

        Assert.Equal(0, memory.Count);
    }

    [Fact]
    public void A_size_limit_that_is_not_positive_fails_at_start_up()
    {
        var failure = Assert.Throws<InvalidOperationException>(() =>
            new TokenManagementTestHost(settings => settings["Identity:AccessTokenCache:SizeLimitBytes"] = "0"));

        Assert.Contains("Identity:AccessTokenCache:SizeLimitBytes", failure.Message);
    }
}
