using System.Collections.Concurrent;
using System.Security.Cryptography;
using ShopAuthDemo.Identity.Local.Realm;

namespace ShopAuthDemo.Identity.Local.Sessions;

/// <summary>
/// Server-side SSO sessions. The cookie only names a session; ending the session here is what logs a
/// browser out everywhere, so a copied cookie stops working after logout.
/// </summary>
public sealed class SsoSessionStore(LocalRealm realm, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, SsoSession> _sessions = new();

    public SsoSession Start(RealmUser user, BrokeredSignIn? broker = null)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var session = new SsoSession(id, user.Id, time.GetUtcNow()) { Broker = broker };
        _sessions[id] = session;
        return session;
    }

    /// <summary>The session if it is still active (not ended, not idle too long, not too old).</summary>
    public SsoSession? FindActive(string? id)
    {
        if (id is null || !_sessions.TryGetValue(id, out var session)) return null;
        var now = time.GetUtcNow();
        if (now - session.LastSeenAt > realm.Settings.SsoSessionIdleTimeout ||
            now - session.StartedAt > realm.Settings.SsoSessionMaxLifespan)
        {
            _sessions.TryRemove(id, out _);
            return null;
        }
        session.LastSeenAt = now;
        return session;
    }

    public SsoSession? End(string? id) =>
        id is not null && _sessions.TryRemove(id, out var session) ? session : null;
}
