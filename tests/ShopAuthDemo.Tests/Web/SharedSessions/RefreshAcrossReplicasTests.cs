using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using ShopAuthDemo.Tests.Web.Support;
using ShopAuthDemo.Web.Authentication.Sessions;
using ShopAuthDemo.Web.Authentication.Tokens;
using StackExchange.Redis;
using Xunit;

namespace ShopAuthDemo.Tests.Web.SharedSessions;

/// <summary>
/// Two replicas renewing one session's tokens at the same moment (two tabs, each on its own replica). Refresh
/// tokens work once and a reused one revokes the sign-in: only one replica may redeem it, the other must use
/// what the first one stored.
/// </summary>
public sealed class RefreshAcrossReplicasTests
{
    [Fact]
    public async Task Two_replicas_renewing_one_session_at_once_keep_it_with_the_newest_tokens()
    {
        var keys = RedisSessionKeys.ForApplication($"shop-web-test-{Guid.NewGuid():N}");
        var keyRing = new EphemeralDataProtectionProvider(); // one app's key ring, as ServiceDefaults shares it in Redis
        var identityProvider = new RotatingIdentityProvider("refresh-token-0");
        await using var redisA = await RedisServer.ConnectAsync();
        await using var redisB = await RedisServer.ConnectAsync();
        var (storeA, tokensA) = Replica(redisA, keys, keyRing, identityProvider);
        var (_, tokensB) = Replica(redisB, keys, keyRing, identityProvider);
        var now = DateTimeOffset.UtcNow;
        await storeA.SaveAsync(new UserSession("session-key", new AuthenticationTicket(new ClaimsPrincipal(), "Cookies"),
            new UserTokens("access-token-0", "refresh-token-0", null, now.AddMinutes(-6), now.AddMinutes(-1)), "sid", "alice-id", now.AddHours(1)));
        var cancellation = TestContext.Current.CancellationToken;

        try
        {
            var handedOut = await Task.WhenAll(
                tokensA.GetAccessTokenAsync("session-key", cancellation),
                tokensB.GetAccessTokenAsync("session-key", cancellation));

            Assert.Equal(["access-token-1", "access-token-1"], handedOut);
            Assert.Equal(1, identityProvider.Redemptions);
            var stored = (await storeA.FindAsync("session-key"))!.Tokens!;
            Assert.Equal(("access-token-1", "refresh-token-1"), (stored.AccessToken, stored.RefreshToken));
            Assert.Equal("refresh-token-1", identityProvider.CurrentRefreshToken);
        }
        finally
        {
            await RedisServer.DeleteAsync(keys.Prefix);
        }
    }

    private static (RedisUserSessionStore, UserAccessTokens) Replica(IConnectionMultiplexer redis, RedisSessionKeys keys,
        IDataProtectionProvider keyRing, RotatingIdentityProvider identityProvider)
    {
        var store = new RedisUserSessionStore(redis, new ProtectedSessionFormat(keyRing), keys, TimeProvider.System,
            NullLogger<RedisUserSessionStore>.Instance);
        var client = identityProvider.Client();
        return (store, new UserAccessTokens(store, client, new SessionEnd(store, client, NullLogger<SessionEnd>.Instance),
            TimeProvider.System, NullLogger<UserAccessTokens>.Instance));
    }
}
