using System.Collections.Concurrent;

namespace ShopAuthDemo.Web.Authentication.BackchannelLogout;

/// <summary>
/// The <c>jti</c> of every logout token accepted recently. A logout token captured on the wire and sent
/// again is refused. Entries are kept as long as a token may be accepted at all (its <c>iat</c> window).
/// </summary>
public sealed class LogoutTokenReplayCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <returns>False when this <c>jti</c> was seen before.</returns>
    public bool TryRemember(string jti, DateTimeOffset keepUntil)
    {
        var now = time.GetUtcNow();
        foreach (var expired in _seen.Where(entry => entry.Value <= now)) _seen.TryRemove(expired);
        return _seen.TryAdd(jti, keepUntil);
    }
}
