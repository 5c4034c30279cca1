using System.Security.Cryptography;

namespace ShopAuthDemo.Identity.Local.Sessions;

/// <summary>
/// Authorization requests that sent a signed-in browser to the login page (prompt=login, or a sign-in older than
/// max_age), waiting for the password. The login page returns to the same request without prompt=login or max_age;
/// without this record, opening that return URL (or the original request with prompt or max_age removed) would get
/// a code from the old session: re-authentication skipped, no password asked. A request is remembered by its
/// client and PKCE code_challenge, which the client's verifier ties to this one request, so it cannot be dropped or
/// changed; its return URL carries a random marker. It is answered only after a password sign-in later than the
/// request, once.
/// Entries expire after <see cref="Lifetime"/>; at most <see cref="Capacity"/> are kept, the oldest dropped first.
/// </summary>
public sealed class ReauthenticationRequests(TimeProvider time)
{
    /// <summary>The return URL's parameter naming the round trip.</summary>
    public const string MarkerParameter = "reauth_marker";
    public const int Capacity = 10_000;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private sealed record Pending(string Marker, DateTimeOffset RequestedAt);

    private readonly Dictionary<string, Pending> _byRequest = new(StringComparer.Ordinal);
    private readonly Queue<(string Request, DateTimeOffset RequestedAt)> _oldestFirst = new();
    private readonly Lock _lock = new();

    /// <summary>How many round trips are remembered now.</summary>
    public int Count
    {
        get { lock (_lock) return _byRequest.Count; }
    }

    /// <summary>Records that this request needs a new sign-in; returns the marker for its return URL.</summary>
    public string Start(string clientId, string codeChallenge)
    {
        var key = Key(clientId, codeChallenge);
        var now = time.GetUtcNow();
        lock (_lock)
        {
            while (_oldestFirst.TryPeek(out var oldest) && now - oldest.RequestedAt > Lifetime) Forget(_oldestFirst.Dequeue());
            // Asked again while waiting: the same round trip, so repeating one request cannot grow the queue.
            if (_byRequest.TryGetValue(key, out var pending)) return pending.Marker;
            while (_byRequest.Count >= Capacity && _oldestFirst.TryDequeue(out var oldest)) Forget(oldest);

            pending = new Pending(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), now);
            _byRequest[key] = pending;
            _oldestFirst.Enqueue((key, now));
            return pending.Marker;
        }
    }

    // A queue entry whose round trip was answered, or started again later, no longer names the current one.
    private void Forget((string Request, DateTimeOffset RequestedAt) queued)
    {
        if (_byRequest.TryGetValue(queued.Request, out var pending) && pending.RequestedAt == queued.RequestedAt)
            _byRequest.Remove(queued.Request);
    }

    /// <summary>
    /// Whether a session last authenticated at <paramref name="authenticatedAt"/> may answer this request: yes
    /// when it is no round trip, or when the user signed in after the round trip began (which ends it). A marker
    /// with no round trip behind it (unknown, used or expired) is refused.
    /// </summary>
    public bool MayAnswer(string clientId, string codeChallenge, string? marker, DateTimeOffset authenticatedAt)
    {
        var key = Key(clientId, codeChallenge);
        lock (_lock)
        {
            if (!_byRequest.TryGetValue(key, out var pending) || time.GetUtcNow() - pending.RequestedAt > Lifetime)
            {
                _byRequest.Remove(key);
                return marker is null;
            }
            if (marker != pending.Marker || authenticatedAt <= pending.RequestedAt) return false;
            _byRequest.Remove(key);
            return true;
        }
    }

    private static string Key(string clientId, string codeChallenge) => clientId + " " + codeChallenge;
}
