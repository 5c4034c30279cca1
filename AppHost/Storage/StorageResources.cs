using ShopAuthDemo.AppHost.Storage.Accounts;
using ShopAuthDemo.AppHost.Storage.KeyRings;

namespace ShopAuthDemo.AppHost.Storage;

/// <summary>
/// The databases and the shared state of this run: nothing (embedded: each service keeps a SQLite file and its state
/// in memory), or PostgreSQL with one database per service and one Redis that every replica of every app shares.
/// </summary>
public sealed class StorageResources(
    StorageChoice choice,
    IResourceBuilder<IResourceWithConnectionString>? redis,
    Func<string, string, IResourceBuilder<IResourceWithConnectionString>>? database,
    IResourceBuilder<PostgresServerResource>? postgresContainer,
    RedisAccounts? redisAccounts = null,
    PostgresRoles? postgresRoles = null,
    KeyRingCertificates? keyRings = null)
{
    public StorageChoice Choice { get; } = choice;

    /// <summary>Two of every API, the gateway and both web apps when their state is shared; one otherwise.</summary>
    public int Replicas => Choice.IsShared ? 2 : 1;

    /// <summary>The admin connection to Redis: the AppHost's own, never given to an app when running.</summary>
    public IResourceBuilder<IResourceWithConnectionString>? Redis { get; } = redis;

    /// <summary>One Redis user per app, when running with Redis (a published app's users are the platform's).</summary>
    public RedisAccounts? RedisAccounts { get; } = redisAccounts;

    /// <summary>One PostgreSQL role per service (and Keycloak), owner of its database, when running with PostgreSQL.</summary>
    public PostgresRoles? PostgresRoles { get; } = postgresRoles;

    /// <summary>The certificates that encrypt each app's key ring in Redis, when running with Redis.</summary>
    public KeyRingCertificates? KeyRings { get; } = keyRings;

    /// <summary>The PostgreSQL container, when this run starts one (Keycloak keeps its own database in it).</summary>
    public IResourceBuilder<PostgresServerResource>? PostgresContainer { get; } = postgresContainer;

    /// <summary>
    /// A service's own database (null when embedded: the service opens its SQLite file); running, reached as the
    /// role named after <paramref name="owner"/>, which owns it.
    /// </summary>
    public IResourceBuilder<IResourceWithConnectionString>? Database(string name, string owner) => database?.Invoke(name, owner);
}
