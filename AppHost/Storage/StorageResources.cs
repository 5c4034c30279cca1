namespace ShopAuthDemo.AppHost.Storage;

/// <summary>
/// The databases and the shared state of this run: nothing (embedded: each service keeps a SQLite file and its state
/// in memory), or PostgreSQL with one database per service and one Redis that every replica of every app shares.
/// </summary>
public sealed class StorageResources(
    StorageChoice choice,
    IResourceBuilder<IResourceWithConnectionString>? redis,
    Func<string, IResourceBuilder<IResourceWithConnectionString>>? database,
    IResourceBuilder<PostgresServerResource>? postgresContainer)
{
    public StorageChoice Choice { get; } = choice;

    /// <summary>Two of every API, the gateway and both web apps when their state is shared; one otherwise.</summary>
    public int Replicas => Choice.IsShared ? 2 : 1;

    public IResourceBuilder<IResourceWithConnectionString>? Redis { get; } = redis;

    /// <summary>The PostgreSQL container, when this run starts one (Keycloak keeps its own database in it).</summary>
    public IResourceBuilder<PostgresServerResource>? PostgresContainer { get; } = postgresContainer;

    /// <summary>A service's own database (null when embedded: the service opens its SQLite file).</summary>
    public IResourceBuilder<IResourceWithConnectionString>? Database(string name) => database?.Invoke(name);
}
