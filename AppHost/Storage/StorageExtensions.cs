using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ShopAuthDemo.AppHost.Storage;

public static class StorageExtensions
{
    /// <summary>Adds PostgreSQL and Redis (containers, or the servers the connection strings name), or nothing, as <c>Storage:Mode</c> decides.</summary>
    public static StorageResources AddStorage(this IDistributedApplicationBuilder builder)
    {
        var choice = StorageChoice.FromConfiguration(builder.Configuration, builder.ExecutionContext.IsPublishMode);
        builder.OnBeforeStart((@event, _) => LogChoice(@event.Services, choice));

        switch (choice.Kind)
        {
            case StorageKind.Containers:
                // Data volumes: orders, sessions and Keycloak's realms survive a restart of the AppHost.
                var postgres = builder.AddPostgres(StorageChoice.PostgresConnectionName).WithDataVolume();
                var redis = builder.AddRedis(StorageChoice.RedisConnectionName).WithDataVolume();
                var containerDatabases = new Dictionary<string, IResourceBuilder<IResourceWithConnectionString>>();
                return new StorageResources(choice, redis.AsConnectionString(),
                    name => containerDatabases.TryGetValue(name, out var found) ? found
                        : containerDatabases[name] = postgres.AddDatabase(name).AsConnectionString(),
                    postgres);

            case StorageKind.Servers:
                // One server, one database per service on it: the same connection string with each service's database.
                var server = builder.AddConnectionString(StorageChoice.PostgresConnectionName);
                var serverDatabases = new Dictionary<string, IResourceBuilder<IResourceWithConnectionString>>();
                return new StorageResources(choice, builder.AddConnectionString(StorageChoice.RedisConnectionName),
                    name => serverDatabases.TryGetValue(name, out var found) ? found
                        : serverDatabases[name] = builder.AddConnectionString(name,
                            ReferenceExpression.Create($"{server.Resource};Database={name}")),
                    postgresContainer: null);

            default:
                return new StorageResources(choice, redis: null, database: null, postgresContainer: null);
        }
    }

    /// <summary>The service's own database (ConnectionStrings:<paramref name="name"/>), when not embedded.</summary>
    public static IResourceBuilder<ProjectResource> WithDatabase(
        this IResourceBuilder<ProjectResource> service, StorageResources storage, string name) =>
        storage.Database(name) is { } database ? service.WithReference(database).WaitFor(database) : service;

    /// <summary>Redis for the state every replica must see alike, and the replicas themselves, when not embedded.</summary>
    public static IResourceBuilder<ProjectResource> WithSharedState(
        this IResourceBuilder<ProjectResource> service, StorageResources storage) =>
        storage.Redis is { } redis
            ? service.WithReference(redis).WaitFor(redis).WithReplicas(storage.Replicas)
            : service;

    private static IResourceBuilder<IResourceWithConnectionString> AsConnectionString<T>(this IResourceBuilder<T> resource)
        where T : IResourceWithConnectionString =>
        resource.ApplicationBuilder.CreateResourceBuilder<IResourceWithConnectionString>(resource.Resource);

    private static Task LogChoice(IServiceProvider services, StorageChoice choice)
    {
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageChoice))
            .LogInformation("Storage: {Kind}, because {Reason}.", choice.Kind, choice.Reason);
        return Task.CompletedTask;
    }
}
