using Microsoft.Extensions.Logging;

namespace ShopAuthDemo.Web.Authentication.Sessions;

/// <summary>
/// The sessions in this process's memory: the embedded default, one replica. A restart signs everyone out.
/// </summary>
public sealed class InMemoryUserSessionStore(TimeProvider time, ILogger<InMemoryUserSessionStore> logger) : IUserSessionStore
{
    private static readonly Task<IAsyncDisposable> NoLock = Task.FromResult<IAsyncDisposable>(new NothingToRelease());

    private readonly Dictionary<string, UserSession> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public bool HandsOutStoredInstances => true;

    public Task SaveAsync(UserSession session)
    {
        lock (_lock)
        {
            RemoveExpired();
            _sessions[session.Key] = session;
        }
        return Task.CompletedTask;
    }

    public Task<UserSession?> FindAsync(string? key)
    {
        if (key is null) return Task.FromResult<UserSession?>(null);
        lock (_lock)
        {
            if (!_sessions.TryGetValue(key, out var session)) return Task.FromResult<UserSession?>(null);
            if (session.ExpiresAt > time.GetUtcNow()) return Task.FromResult<UserSession?>(session);
            _sessions.Remove(key);
            return Task.FromResult<UserSession?>(null);
        }
    }

    public Task<bool> UpdateTicketAsync(string key, Func<UserSession, UserSession> update) => Update(key, update);

    public Task<bool> UpdateTokensAsync(string key, UserTokens tokens) => Update(key, session => session with { Tokens = tokens });

    public Task<UserSession?> RemoveAsync(string? key)
    {
        if (key is null) return Task.FromResult<UserSession?>(null);
        lock (_lock)
        {
            return Task.FromResult(_sessions.Remove(key, out var session) ? session : null);
        }
    }

    public Task<IReadOnlyList<UserSession>> EndForIdentityProviderAsync(string? sid, string? sub)
    {
        lock (_lock)
        {
            var ended = _sessions.Values.Where(s => s.IsNamedByLogout(sid, sub)).ToList();
            foreach (var session in ended) _sessions.Remove(session.Key);
            foreach (var session in ended)
                logger.LogInformation("Session of {Sub} ended by back-channel logout (identity provider session {Sid})",
                    session.Subject, session.IdentityProviderSessionId);
            return Task.FromResult<IReadOnlyList<UserSession>>(ended);
        }
    }

    // One process: the single flight in UserAccessTokens already lets only one renewal per session run.
    public Task<IAsyncDisposable> LockForRefreshAsync(string key, CancellationToken cancellationToken) => NoLock;

    private Task<bool> Update(string key, Func<UserSession, UserSession> update)
    {
        lock (_lock)
        {
            if (!_sessions.TryGetValue(key, out var session)) return Task.FromResult(false);
            _sessions[key] = update(session);
            return Task.FromResult(true);
        }
    }

    private void RemoveExpired()
    {
        var now = time.GetUtcNow();
        foreach (var expired in _sessions.Values.Where(s => s.ExpiresAt <= now).Select(s => s.Key).ToList())
            _sessions.Remove(expired);
    }

    private sealed class NothingToRelease : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
