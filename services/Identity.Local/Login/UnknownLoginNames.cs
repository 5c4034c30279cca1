using System.Security.Cryptography;
using System.Text;
using ShopAuthDemo.Identity.Local.Realm;

namespace ShopAuthDemo.Identity.Local.Login;

/// <summary>
/// Failed sign-ins under names that match no user, counted exactly as a user's are, so the login page answers
/// such a name as it answers a real one (the same 401s, the same 429 and Retry-After at the same failure).
/// Without it the lockout tells an attacker in two quick requests whether a username exists.
/// Each name is kept only as an HMAC of its normalised form under a key that never leaves this process: what
/// was typed (often a password pasted into the wrong field) is never stored, and cannot be guessed offline.
/// At most <c>capacity</c> names, the oldest forgotten first, so a flood of random names cannot exhaust memory.
/// </summary>
public sealed class UnknownLoginNames(int capacity = UnknownLoginNames.DefaultCapacity)
{
    /// <summary>Every typo of a normal day, at about 200 bytes each.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly Dictionary<string, FailedSignIns> _failures = new(StringComparer.Ordinal);
    private readonly Queue<string> _oldestFirst = new();
    private readonly Lock _lock = new();

    /// <summary>How many names are tracked now.</summary>
    public int Count
    {
        get { lock (_lock) return _failures.Count; }
    }

    public FailedSignIns? Find(string typed)
    {
        var key = KeyOf(typed);
        lock (_lock) return _failures.GetValueOrDefault(key);
    }

    public FailedSignIns Track(string typed)
    {
        var key = KeyOf(typed);
        lock (_lock)
        {
            if (_failures.TryGetValue(key, out var failures)) return failures;
            if (_failures.Count >= capacity) _failures.Remove(_oldestFirst.Dequeue());
            _oldestFirst.Enqueue(key);
            return _failures[key] = new FailedSignIns();
        }
    }

    private string KeyOf(string typed) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(LocalRealm.NormaliseLogin(typed))));
}
