using System.Security.Cryptography;
using System.Text;
using ShopAuthDemo.ServiceDefaults.SharedState;
using StackExchange.Redis;

namespace ShopAuthDemo.Web.Authentication.Sessions;

/// <summary>
/// The names of one app's entries in Redis, all under its own prefix (<c>Shop.Web:</c>, <c>Backoffice.Web:</c>):
/// two apps never see each other's sessions, as they never read each other's cookies; each app's Redis user may
/// touch its own prefix only.
/// </summary>
public sealed record RedisSessionKeys(string Prefix)
{
    public static RedisSessionKeys ForApplication(string applicationName) => new(SharedStateSettings.KeyPrefix(applicationName));

    /// <summary>
    /// A session is stored under a hash of its key: the key is what the cookie carries, and a list of Redis
    /// keys (a monitoring screen, a slow log) must not hand out live sessions.
    /// </summary>
    public static string Id(string sessionKey) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sessionKey)));

    public RedisKey Session(string id) => $"{Prefix}session:{id}";

    /// <summary>The ids of the sessions of one identity-provider session; back-channel logout names it.</summary>
    public RedisKey ByIdentityProviderSession(string sid) => $"{Prefix}sessions-of-sid:{sid}";

    /// <summary>The ids of the sessions of one user; a back-channel logout without <c>sid</c> names the user.</summary>
    public RedisKey BySubject(string sub) => $"{Prefix}sessions-of-sub:{sub}";

    public RedisKey RefreshLock(string id) => $"{Prefix}refresh-lock:{id}";

    public RedisKey AcceptedLogoutToken(string jti) => $"{Prefix}logout-jti:{jti}";
}
