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
}
