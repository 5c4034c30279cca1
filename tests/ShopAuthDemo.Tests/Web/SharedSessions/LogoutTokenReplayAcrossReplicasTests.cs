using ShopAuthDemo.Tests.Web.Support;
using ShopAuthDemo.Web.Authentication.BackchannelLogout;
using ShopAuthDemo.Web.Authentication.Sessions;
using Xunit;

namespace ShopAuthDemo.Tests.Web.SharedSessions;

/// <summary>A logout token captured on the wire cannot be replayed to another replica of the app.</summary>
public sealed class LogoutTokenReplayAcrossReplicasTests
{
    [Fact]
    public async Task A_logout_token_accepted_by_one_replica_is_refused_by_the_other()
    {
        var keys = RedisSessionKeys.ForApplication($"shop-web-test-{Guid.NewGuid():N}");
        await using var redisA = await RedisServer.ConnectAsync();
        await using var redisB = await RedisServer.ConnectAsync();
        using var logoutTokens = new LogoutTokens();
        var a = logoutTokens.ValidatorWith(new RedisLogoutTokenReplayCache(redisA, keys, TimeProvider.System));
        var b = logoutTokens.ValidatorWith(new RedisLogoutTokenReplayCache(redisB, keys, TimeProvider.System));
        var token = logoutTokens.Create();
        var cancellation = TestContext.Current.CancellationToken;

        try
        {
            Assert.True((await a.ValidateAsync(token, cancellation)).IsValid);

            var replayed = await b.ValidateAsync(token, cancellation);

            Assert.False(replayed.IsValid);
            Assert.Contains("replay", replayed.Error, StringComparison.Ordinal);
            Assert.True((await b.ValidateAsync(logoutTokens.Create(), cancellation)).IsValid);
        }
        finally
        {
            await RedisServer.DeleteAsync(keys.Prefix);
        }
    }
}
