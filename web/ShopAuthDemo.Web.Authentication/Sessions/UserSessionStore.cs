using System.Security.Claims;
using Microsoft.Extensions.Logging;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.Web.Authentication.Sessions;

/// <summary>
/// Every signed-in session of this app, on the server. The browser's cookie carries only a session key, so
/// removing a session here signs that browser out at once — even a copy of its cookie stops working.
/// </summary>
/// <remarks>
/// In memory, which fits a single-instance demo: a restart signs everyone out. With several instances this
/// becomes a shared store (Redis, SQL) with indexes on the identity provider's session id and user id.
/// </remarks>
public sealed class UserSessionStore(TimeProvider time, ILogger<UserSessionStore> logger)
{
    private readonly Dictionary<string, UserSession> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public void Save(UserSession session)
    {
        lock (_lock)
        {
            RemoveExpired();
            _sessions[session.Key] = session;
        }
    }

    public UserSession? Find(string? key)
    {
        if (key is null) return null;
        lock (_lock)
        {
            if (!_sessions.TryGetValue(key, out var session)) return null;
            if (session.ExpiresAt > time.GetUtcNow()) return session;
            _sessions.Remove(key);
            return null;
        }
    }

    /// <summary>Replaces the ticket (the cookie handler renewed it) but keeps the tokens, which may be newer.</summary>
    public bool UpdateTicket(string key, Func<UserSession, UserSession> update) => Update(key, update);

    /// <summary>Stores refreshed tokens; false when the session ended meanwhile (it is not brought back).</summary>
    public bool UpdateTokens(string key, UserTokens tokens) => Update(key, session => session with { Tokens = tokens });

    public UserSession? Remove(string? key)
    {
        if (key is null) return null;
        lock (_lock)
        {
            return _sessions.Remove(key, out var session) ? session : null;
        }
    }

    /// <summary>
    /// Ends the sessions a back-channel logout names: those of one identity-provider session (<c>sid</c>), or
    /// every session of the user (<c>sub</c>) when no <c>sid</c> is given.
    /// </summary>
    public IReadOnlyList<UserSession> EndForIdentityProvider(string? sid, string? sub)
    {
        lock (_lock)
        {
            var ended = _sessions.Values
                .Where(s => sid is not null
                    ? s.IdentityProviderSessionId == sid && (sub is null || s.Subject == sub)
                    : sub is not null && s.Subject == sub)
                .ToList();
            foreach (var session in ended) _sessions.Remove(session.Key);
            foreach (var session in ended)
                logger.LogInformation("Session of {Sub} ended by back-channel logout (identity provider session {Sid})",
                    session.Subject, session.IdentityProviderSessionId);
            return ended;
        }
    }

    public static (string? Sid, string? Sub) IdentityProviderKeys(ClaimsPrincipal principal) =>
        (principal.FindFirstValue(SessionClaimTypes.IdentityProviderSession), principal.FindFirstValue(KeycloakClaimTypes.Subject));

    private bool Update(string key, Func<UserSession, UserSession> update)
    {
        lock (_lock)
        {
            if (!_sessions.TryGetValue(key, out var session)) return false;
            _sessions[key] = update(session);
            return true;
        }
    }

    private void RemoveExpired()
    {
        var now = time.GetUtcNow();
        foreach (var expired in _sessions.Values.Where(s => s.ExpiresAt <= now).Select(s => s.Key).ToList())
            _sessions.Remove(expired);
    }
}
