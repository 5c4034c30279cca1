using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShopAuthDemo.AppHost.Storage.Accounts;
using ShopAuthDemo.AppHost.Storage.KeyRings;

namespace ShopAuthDemo.AppHost.Storage;

public static class StorageExtensions
{
    /// <summary>Adds PostgreSQL and Redis (containers, or the servers the connection strings name), or nothing, as <c>Storage:Mode</c> decides.</summary>
    /// <remarks>
    /// Running, the AppHost keeps the admin connections to itself: each app gets a Redis user and each service a
    /// PostgreSQL role of its own (Accounts/), and each app's key ring is encrypted with its own certificate (KeyRings/).
    /// Published, the deployment provides the accounts and certificates (see docs/SECURITY.md).
    /// </remarks>
    public static StorageResources AddStorage(this IDistributedApplicationBuilder builder)
    {
        var choice = StorageChoice.FromConfiguration(builder.Configuration, builder.ExecutionContext.IsPublishMode);
        builder.OnBeforeStart((@event, _) => LogChoice(@event.Services, choice));
        var running = builder.ExecutionContext.IsRunMode;
        var redisAccounts = running ? new RedisAccounts() : null;
        var postgresRoles = running ? new PostgresRoles() : null;
        var keyRings = running ? KeyRingCertificates.FromConfiguration(builder.Configuration) : null;
        var databases = new Dictionary<string, IResourceBuilder<IResourceWithConnectionString>>();

        switch (choice.Kind)
        {
            case StorageKind.Containers:
                // Data volumes: orders, sessions and Keycloak's realms survive a restart of the AppHost.
                var postgres = builder.AddPostgres(StorageChoice.PostgresConnectionName).WithDataVolume();
                var redis = builder.AddRedis(StorageChoice.RedisConnectionName).WithDataVolume();
                // The accounts are made once each container answers. The apps wait for the containers (WaitFor), and
                // Aspire holds them until every ResourceReadyEvent handler has finished.
                if (running)
                {
                    redis.OnResourceReady((resource, _, cancellationToken) => redisAccounts!.ProvisionAsync(resource, cancellationToken));
                    postgres.OnResourceReady((resource, @event, cancellationToken) =>
                        postgresRoles!.ProvisionAsync(resource, Logger(@event.Services), cancellationToken));
                }

                return new StorageResources(choice, redis.AsConnectionString(),
                    (name, owner) => databases.TryGetValue(name, out var found) ? found
                        : databases[name] = running
                            ? builder.AddConnectionString(name, OwnConnectionString(postgres.Resource, postgresRoles!.For(owner, name)))
                            : postgres.AddDatabase(name).AsConnectionString(),
                    postgres, redisAccounts, postgresRoles, keyRings);

            case StorageKind.Servers:
                // One server, one database per service on it. The servers already run: the accounts are made before
                // any resource starts.
                var server = builder.AddConnectionString(StorageChoice.PostgresConnectionName);
                var redisServer = builder.AddConnectionString(StorageChoice.RedisConnectionName);
                if (running)
                {
                    builder.OnBeforeStart(async (@event, cancellationToken) =>
                    {
                        await redisAccounts!.ProvisionAsync(redisServer.Resource, cancellationToken);
                        await postgresRoles!.ProvisionAsync(server.Resource, Logger(@event.Services), cancellationToken);
                    });
                }

                return new StorageResources(choice, redisServer,
                    (name, owner) => databases.TryGetValue(name, out var found) ? found
                        : databases[name] = builder.AddConnectionString(name, running
                            ? OwnConnectionString(server.Resource, postgresRoles!.For(owner, name))
                            : ReferenceExpression.Create($"{server.Resource};Database={name}")),
                    postgresContainer: null, redisAccounts, postgresRoles, keyRings);

            default:
                return new StorageResources(choice, redis: null, database: null, postgresContainer: null);
        }
    }

    /// <summary>The service's own database (ConnectionStrings:<paramref name="name"/>), when not embedded.</summary>
    public static IResourceBuilder<ProjectResource> WithDatabase(
        this IResourceBuilder<ProjectResource> service, StorageResources storage, string name)
    {
        if (storage.Database(name, owner: service.Resource.Name) is not { } database) return service;

        service = service.WithReference(database).WaitFor(database);
        // Its role and database are made once the container answers (the connection string names no resource to wait for).
        return storage.PostgresContainer is { } postgres ? service.WaitFor(postgres) : service;
    }

    /// <summary>
    /// Redis for the state every replica must see alike, and the replicas themselves, when not embedded. Running,
    /// the app signs in as its own Redis user (Accounts/), limited to its own keys: no app can read or forge another's
    /// cookies, sessions or cached tokens. Published, the connection string is the deployment's to give.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithSharedState(
        this IResourceBuilder<ProjectResource> service, StorageResources storage)
    {
        if (storage.Redis is not { } redis) return service;

        var connected = storage.RedisAccounts is { } accounts
            ? service.WithEnvironment($"ConnectionStrings__{StorageChoice.RedisConnectionName}",
                ReferenceExpression.Create($"{new RedisAccountConnectionString(redis.Resource, accounts.For(service.Resource))}"))
            : service.WithReference(redis);
        // Embedded, the key ring stays in the user's profile on this machine, where the certificate would lie too:
        // encrypting it there would protect nothing. Published, the deployment's secret store provides the certificates.
        if (storage.KeyRings is { } keyRings)
            connected = connected.WithEnvironment("DataProtection__Certificate", keyRings.For(service.Resource.Name));
        return connected.WaitFor(redis).WithReplicas(storage.Replicas);
    }

    private static ReferenceExpression OwnConnectionString(IResourceWithConnectionString server, PostgresRole role) =>
        ReferenceExpression.Create($"{new PostgresRoleConnectionString(server, role)}");

    private static ILogger Logger(IServiceProvider services) =>
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageResources));

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
