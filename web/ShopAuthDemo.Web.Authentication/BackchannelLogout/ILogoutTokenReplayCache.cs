namespace ShopAuthDemo.Web.Authentication.BackchannelLogout;

/// <summary>
/// The <c>jti</c> of every logout token accepted recently. A logout token captured on the wire and sent
/// again is refused. Entries are kept as long as a token may be accepted at all (its <c>iat</c> window).
/// </summary>
/// <remarks>
/// In memory for one replica (<see cref="InMemoryLogoutTokenReplayCache"/>), in Redis for several
/// (<see cref="RedisLogoutTokenReplayCache"/>): a token accepted by one replica is refused by the others.
/// </remarks>
public interface ILogoutTokenReplayCache
{
    /// <returns>False when this <c>jti</c> was seen before.</returns>
    Task<bool> TryRememberAsync(string jti, DateTimeOffset keepUntil);

    /// <summary>Forgets an accepted token whose logout could not be carried out, so that the identity provider may send it again.</summary>
    Task ForgetAsync(string jti);
}
