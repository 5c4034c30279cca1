using System.Security.Cryptography;
using System.Text;

namespace ShopAuthDemo.Identity.Local.Federation;

/// <summary>
/// Sign-ins sent to another identity provider and not yet back. The <c>state</c> sent there names one; it is taken
/// once (a replayed callback finds nothing) and only by the browser that started it: the start sets a random cookie
/// whose hash is kept here, so an attacker cannot make a victim's browser finish the attacker's sign-in (login CSRF).
/// Anyone may start a sign-in, so the store is bounded: the oldest is forgotten first, as in ReauthenticationRequests.
/// </summary>
public sealed class PendingBrokerSignIns(TimeProvider time)
{
    /// <summary>As long as Keycloak lets a login page wait (accessCodeLifespanLogin's order of magnitude).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public const int Capacity = 10_000;

    private readonly Dictionary<string, BrokerSignIn> _byState = new(StringComparer.Ordinal);
    private readonly Queue<string> _oldestFirst = new();
    private readonly Lock _lock = new();

    public BrokerSignIn Start(string alias, string returnUrl, bool fresh, out string browserBinding)
    {
        browserBinding = Random();
        var signIn = new BrokerSignIn(alias, State: Random(), Nonce: Random(), CodeVerifier: Random(), returnUrl,
            Hash(browserBinding), fresh, time.GetUtcNow());
        lock (_lock)
        {
            // Taken states stay queued until they reach the head; they are skipped there.
            while (_oldestFirst.TryPeek(out var oldest) &&
                   (!_byState.TryGetValue(oldest, out var head) || Expired(head) || _byState.Count >= Capacity))
                _byState.Remove(_oldestFirst.Dequeue());
            _byState[signIn.State] = signIn;
            _oldestFirst.Enqueue(signIn.State);
        }
        return signIn;
    }

    /// <summary>The sign-in <paramref name="state"/> names, removed so it cannot be finished twice; null if none.</summary>
    public BrokerSignIn? Take(string? state, string? browserBinding)
    {
        BrokerSignIn? signIn;
        lock (_lock)
        {
            if (state is null || !_byState.Remove(state, out signIn)) return null;
        }
        if (Expired(signIn) || browserBinding is null) return null;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(browserBinding)), Encoding.ASCII.GetBytes(signIn.BrowserBindingHash))
            ? signIn
            : null;
    }

    /// <summary>
    /// The browser-binding cookie of one sign-in: named after its state, so sign-ins in two tabs (or one an attacker
    /// starts in the background) do not overwrite each other's binding.
    /// </summary>
    public static string CookieName(string state) => "IDENTITY_LOCAL_BROKER." + Hash(state)[..16];

    private bool Expired(BrokerSignIn signIn) => time.GetUtcNow() - signIn.StartedAt > Lifetime;

    private static string Random() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <param name="Fresh">This realm asked for a fresh sign-in (prompt=login, max_age): the provider is asked for one too.</param>
public sealed record BrokerSignIn(
    string Alias,
    string State,
    string Nonce,
    string CodeVerifier,
    string ReturnUrl,
    string BrowserBindingHash,
    bool Fresh,
    DateTimeOffset StartedAt)
{
    /// <summary>PKCE S256: what the provider is shown now; the verifier proves, at the token endpoint, that we asked.</summary>
    public string CodeChallenge => PendingBrokerSignIns.Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(CodeVerifier)));
}
