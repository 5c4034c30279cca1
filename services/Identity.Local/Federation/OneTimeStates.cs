using System.Security.Cryptography;

namespace ShopAuthDemo.Identity.Local.Federation;

/// <summary>
/// Values waiting for the browser to come back, each named by a random <c>state</c> sent along: taken once (a replay
/// finds nothing), forgotten after <paramref name="lifetime"/>, and bounded: anyone can start one, so when full the
/// oldest is forgotten first. The broker's sign-ins and its logouts at the other provider both wait this way.
/// </summary>
public sealed class OneTimeStates<T>(TimeProvider time, TimeSpan lifetime, int capacity = 10_000) where T : class
{
    private readonly Dictionary<string, (T Value, DateTimeOffset AddedAt)> _byState = new(StringComparer.Ordinal);
    private readonly Queue<string> _oldestFirst = new();
    private readonly Lock _lock = new();

    /// <summary>A state no one can guess: 256 random bits, URL-safe.</summary>
    public static string NewState() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public void Add(string state, T value)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            // Taken states stay queued until they reach the head; they are skipped there.
            while (_oldestFirst.TryPeek(out var oldest) &&
                   (!_byState.TryGetValue(oldest, out var head) || now - head.AddedAt > lifetime || _byState.Count >= capacity))
                _byState.Remove(_oldestFirst.Dequeue());
            _byState[state] = (value, now);
            _oldestFirst.Enqueue(state);
        }
    }

    /// <summary>The value <paramref name="state"/> names, removed so it cannot be taken twice; null if none or expired.</summary>
    public T? Take(string? state)
    {
        (T Value, DateTimeOffset AddedAt) entry;
        lock (_lock)
        {
            if (state is null || !_byState.Remove(state, out entry)) return null;
        }
        return time.GetUtcNow() - entry.AddedAt > lifetime ? null : entry.Value;
    }

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
