using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace ShopAuthDemo.Identity.Local.Federation;

/// <summary>
/// Sign-ins sent to another identity provider and not yet back. The <c>state</c> sent there names one; it is taken
/// once (a replayed callback finds nothing) and only by the browser that started it: the start sets a random cookie
/// whose hash is kept here, so an attacker cannot make a victim's browser finish the attacker's sign-in (login CSRF).
/// </summary>
public sealed class PendingBrokerSignIns(TimeProvider time)
{
    /// <summary>As long as Keycloak lets a login page wait (accessCodeLifespanLogin's order of magnitude).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, BrokerSignIn> _pending = new();

    public BrokerSignIn Start(string alias, string returnUrl, bool fresh, out string browserBinding)
    {
        RemoveExpired();
        browserBinding = Random();
        var signIn = new BrokerSignIn(alias, State: Random(), Nonce: Random(), CodeVerifier: Random(), returnUrl,
            Hash(browserBinding), fresh, time.GetUtcNow());
        _pending[signIn.State] = signIn;
        return signIn;
    }

    /// <summary>The sign-in <paramref name="state"/> names, removed so it cannot be finished twice; null if none.</summary>
    public BrokerSignIn? Take(string? state, string? browserBinding)
    {
        if (state is null || !_pending.TryRemove(state, out var signIn)) return null;
        if (time.GetUtcNow() - signIn.StartedAt > Lifetime) return null;
        var presented = Hash(browserBinding ?? "");
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(signIn.BrowserBindingHash))
            ? signIn
            : null;
    }

    private void RemoveExpired()
    {
        var now = time.GetUtcNow();
        foreach (var (state, signIn) in _pending)
            if (now - signIn.StartedAt > Lifetime) _pending.TryRemove(state, out _);
    }

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
