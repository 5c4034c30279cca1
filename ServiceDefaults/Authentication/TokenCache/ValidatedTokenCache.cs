using System.Collections.Concurrent;

namespace ShopAuthDemo.ServiceDefaults.Authentication.TokenCache;

/// <summary>
/// Tokens that passed full validation, by hash, so a caller's next requests skip the RSA verify.
/// An entry is served only for the identical token string, unexpired, under the current signing keys.
/// </summary>
/// <remarks>
/// Bounded by two generations of at most MaxEntries / 2 each: when the current one fills up it becomes
/// the previous one and the old previous one is dropped whole. A hit in the previous generation moves
/// back into the current one, so tokens in use survive and one-off tokens age out, without a clock
/// sweep or a lock on the read path.
/// </remarks>
public sealed class ValidatedTokenCache
{
    private readonly int _generationCapacity;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private Generation _current = new();
    private Generation _previous = new();
    private long _keySetVersion;

    private readonly Func<string, TokenHash> _hash;

    public ValidatedTokenCache(ValidatedTokenCacheOptions options, TimeProvider time)
        : this(options, time, TokenHash.Of)
    {
    }

    // Tests pass a hash that collides on purpose, to show that a collision never serves another token's entry.
    internal ValidatedTokenCache(ValidatedTokenCacheOptions options, TimeProvider time, Func<string, TokenHash> hash)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxEntries, 2);
        _generationCapacity = options.MaxEntries / 2;
        _time = time;
        _hash = hash;
    }

    /// <summary>Bumped by <see cref="Flush"/>; entries made under an older version are never served.</summary>
    public long KeySetVersion => Volatile.Read(ref _keySetVersion);

    /// <summary>Entries held, both generations (a promoted entry counts twice until its old generation goes).</summary>
    public int Count => Volatile.Read(ref _current).Entries.Count + Volatile.Read(ref _previous).Entries.Count;

    public bool TryGet(string token, out CachedValidation validation)
    {
        var hash = _hash(token);
        var current = Volatile.Read(ref _current);
        if (current.Entries.TryGetValue(hash, out validation!))
        {
            return IsFor(validation, token) && (IsServable(validation) || Evict(current, hash));
        }

        var previous = Volatile.Read(ref _previous);
        if (previous.Entries.TryGetValue(hash, out validation!) && IsFor(validation, token))
        {
            if (!IsServable(validation))
            {
                return Evict(previous, hash);
            }
            Add(validation);
            return true;
        }

        return false;
    }

    public void Add(CachedValidation validation)
    {
        // Validated against keys that have since changed: keep it out rather than race the flush.
        if (validation.KeySetVersion != KeySetVersion)
        {
            return;
        }

        var current = Volatile.Read(ref _current);
        if (current.Entries.TryAdd(_hash(validation.EncodedToken), validation) && Interlocked.Increment(ref current.Added) >= _generationCapacity)
        {
            StartNewGeneration(current);
        }
    }

    /// <summary>Forgets every entry: called when the identity provider's signing keys change.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _keySetVersion);
            Volatile.Write(ref _previous, new Generation());
            Volatile.Write(ref _current, new Generation());
        }
    }

    // Expiry is checked on every hit, not only at insertion: a cached token is refused the moment its
    // exp (or the cache's own maximum) passes, exactly as full validation would refuse it.
    private bool IsServable(CachedValidation validation) =>
        validation.KeySetVersion == KeySetVersion && _time.GetUtcNow() < validation.ExpiresAt;

    // The hash only finds the entry; this decides whose it is. Another token's entry (a hash collision) is
    // neither served nor evicted.
    private static bool IsFor(CachedValidation validation, string token) =>
        string.Equals(validation.EncodedToken, token, StringComparison.Ordinal);

    private static bool Evict(Generation generation, TokenHash hash)
    {
        generation.Entries.TryRemove(hash, out _);
        return false;
    }

    private void StartNewGeneration(Generation full)
    {
        lock (_gate)
        {
            // Another thread may have rotated already, or a flush replaced everything.
            if (ReferenceEquals(_current, full))
            {
                Volatile.Write(ref _previous, full);
                Volatile.Write(ref _current, new Generation());
            }
        }
    }

    private sealed class Generation
    {
        public readonly ConcurrentDictionary<TokenHash, CachedValidation> Entries = new();
        public int Added;
    }
}
