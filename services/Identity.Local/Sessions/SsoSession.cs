using System.Collections.Concurrent;

namespace ShopAuthDemo.Identity.Local.Sessions;

/// <summary>One signed-in browser: the user and every client that received tokens in this session.</summary>
public sealed class SsoSession(string id, string userId, DateTimeOffset startedAt)
{
    private readonly ConcurrentDictionary<string, byte> _clients = new();

    public string Id { get; } = id;
    public string UserId { get; } = userId;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public DateTimeOffset LastSeenAt { get; set; } = startedAt;

    /// <summary>When the user last typed their password in this session (auth_time; prompt=login moves it).</summary>
    public DateTimeOffset AuthenticatedAt { get; set; } = startedAt;

    /// <summary>Clients to notify by back-channel logout when this session ends.</summary>
    public IReadOnlyCollection<string> ClientIds => _clients.Keys.ToList();

    public void AddClient(string clientId) => _clients.TryAdd(clientId, 0);

    /// <summary>
    /// Set when the user signed in through another identity provider (Keycloak's session notes of a brokered login);
    /// replaced when they sign in through it again, so logout there names the provider's current session.
    /// </summary>
    public BrokeredSignIn? Broker { get; set; }
}

/// <param name="Alias">The identity provider's alias in the realm (note <c>identity_provider</c>).</param>
/// <param name="ExternalUsername">The user's name there (note <c>identity_provider_identity</c>).</param>
/// <param name="IdToken">Its ID token, kept to sign the user out there too (id_token_hint).</param>
public sealed record BrokeredSignIn(string Alias, string ExternalUsername, string IdToken)
{
    public const string AliasNote = "identity_provider";
    public const string UsernameNote = "identity_provider_identity";
}
