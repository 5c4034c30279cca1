using Microsoft.Extensions.Primitives;

namespace ShopAuthDemo.Identity.Local.SigningKeys;

/// <summary>
/// The realm's signing keys, newest first, like Keycloak's active key and the older ones it still
/// publishes: new tokens are signed with <see cref="Current"/>, and every key in <see cref="Keys"/> stays in
/// the JWKS so that tokens issued before a rotation keep verifying until they expire.
/// </summary>
public sealed class SigningKeyRing(ILogger<SigningKeyRing> logger)
{
    /// <summary>
    /// The current key and the two before it. A token signed with a key that drops off no longer verifies,
    /// as in Keycloak once an old key provider is deleted: APIs answer 401, a web app signs the user in again.
    /// </summary>
    public const int PublishedKeyCount = 3;

    private readonly Lock _rotation = new();
    // Replaced, never changed: a reader always sees a whole list, so concurrent token requests need no lock.
    private volatile SigningKey[] _keys = [SigningKey.CreateRsa()];
    private volatile CancellationTokenSource _rotated = new();

    public SigningKey Current => _keys[0];

    public IReadOnlyList<SigningKey> Keys => _keys;

    /// <summary>Makes a new key the current one and returns the keys now published, newest first.</summary>
    public IReadOnlyList<SigningKey> Rotate()
    {
        var key = SigningKey.CreateRsa();
        SigningKey[] published;
        CancellationTokenSource rotated;
        lock (_rotation)
        {
            published = [key, .. _keys.Take(PublishedKeyCount - 1)];
            _keys = published;
            rotated = _rotated;
            _rotated = new CancellationTokenSource();
        }

        // A key that drops off is not disposed: a JWKS response being written may still read it.
        logger.LogInformation("Signing key rotated: new kid {Kid}", key.Kid);
        rotated.Cancel();
        return published;
    }

    /// <summary>Fires once, at the next rotation.</summary>
    public IChangeToken WhenRotated() => new CancellationChangeToken(_rotated.Token);
}
