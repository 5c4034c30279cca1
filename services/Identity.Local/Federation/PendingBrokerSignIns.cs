using System.Security.Cryptography;
using System.Text;

namespace ShopAuthDemo.Identity.Local.Federation;

/// <summary>
/// Sign-ins sent to another identity provider and not yet back, named by the <c>state</c> sent there (OneTimeStates:
/// taken once, expiring, bounded). Only the browser that started one may finish it: the start sets a random cookie
/// whose hash is kept here, so an attacker cannot make a victim's browser finish the attacker's sign-in (login CSRF).
/// </summary>
public sealed class PendingBrokerSignIns(TimeProvider time)
{
    /// <summary>As long as Keycloak lets a login page wait (accessCodeLifespanLogin's order of magnitude).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly OneTimeStates<BrokerSignIn> _pending = new(time, Lifetime);

    public BrokerSignIn Start(string alias, string returnUrl, bool fresh, out string browserBinding)
    {
        browserBinding = OneTimeStates<BrokerSignIn>.NewState();
        var signIn = new BrokerSignIn(alias, State: OneTimeStates<BrokerSignIn>.NewState(), Nonce: OneTimeStates<BrokerSignIn>.NewState(),
            CodeVerifier: OneTimeStates<BrokerSignIn>.NewState(), returnUrl, Hash(browserBinding), fresh, time.GetUtcNow());
        _pending.Add(signIn.State, signIn);
        return signIn;
    }

    /// <summary>The sign-in <paramref name="state"/> names, removed so it cannot be finished twice; null if none.</summary>
    public BrokerSignIn? Take(string? state, string? browserBinding) =>
        _pending.Take(state) is { } signIn && browserBinding is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(browserBinding)), Encoding.ASCII.GetBytes(signIn.BrowserBindingHash))
            ? signIn
            : null;

    /// <summary>
    /// The browser-binding cookie of one sign-in: named after its state, so sign-ins in two tabs (or one an attacker
    /// starts in the background) do not overwrite each other's binding.
    /// </summary>
    public static string CookieName(string state) => "IDENTITY_LOCAL_BROKER." + Hash(state)[..16];

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
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
    public string CodeChallenge => OneTimeStates<BrokerSignIn>.Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(CodeVerifier)));
}
