using Microsoft.Extensions.Configuration;
using ShopAuthDemo.AppHost.Identity;

namespace ShopAuthDemo.AppHost.Storage;

public enum StorageKind
{
    /// <summary>SQLite files and in-process state: one replica of everything, nothing to install.</summary>
    Embedded,

    /// <summary>PostgreSQL and Redis as containers the AppHost starts; two replicas of every API and web app.</summary>
    Containers,

    /// <summary>PostgreSQL and Redis servers that already run, given by connection strings; two replicas.</summary>
    Servers,
}

/// <summary>Where this run keeps its data and the state its replicas share, and why; chosen like the identity provider.</summary>
/// <remarks>
/// Configuration: <c>Storage:Mode</c> = <c>embedded</c> | <c>containers</c> | <c>servers</c> | <c>auto</c> (default).
/// Servers: <c>ConnectionStrings:postgres</c> (a role that may create databases; no Database=) and <c>ConnectionStrings:redis</c>.
/// </remarks>
public sealed record StorageChoice(StorageKind Kind, string Reason)
{
    public const string ConfigurationKey = "Storage:Mode";
    public const string PostgresConnectionName = "postgres";
    public const string RedisConnectionName = "redis";

    public bool IsShared => Kind != StorageKind.Embedded;

    public static StorageChoice FromConfiguration(IConfiguration configuration, bool publishing = false)
    {
        var value = configuration[ConfigurationKey]?.Trim().ToLowerInvariant();
        var servers = HasServers(configuration);

        // A deployment runs on more than one machine: its databases and shared state are services of their own.
        if (publishing)
            return value is null or "" or "auto" or "containers"
                ? new(StorageKind.Containers, "the app is being published, and a deployment needs PostgreSQL and Redis (SQLite files and process memory do not scale out)")
                : throw new InvalidOperationException($"{ConfigurationKey} is '{value}', but a published app runs on PostgreSQL and Redis. Publish with containers (or auto).");

        return value switch
        {
            "embedded" => new(StorageKind.Embedded, $"{ConfigurationKey} is 'embedded'"),
            "containers" => new(StorageKind.Containers, $"{ConfigurationKey} is 'containers'"),
            "servers" when servers => new(StorageKind.Servers, $"{ConfigurationKey} is 'servers'"),
            "servers" => throw new InvalidOperationException(
                $"{ConfigurationKey} is 'servers', but ConnectionStrings:{PostgresConnectionName} and ConnectionStrings:{RedisConnectionName} are not both set. " +
                "Set them (user secrets or environment), or choose embedded or containers."),
            null or "" or "auto" => Automatic(configuration, servers),
            _ => throw new InvalidOperationException(
                $"Configuration value '{value}' for {ConfigurationKey} is not valid. Allowed values: embedded, containers, servers, auto."),
        };
    }

    private static StorageChoice Automatic(IConfiguration configuration, bool servers)
    {
        if (servers)
            return new(StorageKind.Servers, $"{ConfigurationKey} is 'auto' and ConnectionStrings:{PostgresConnectionName} and :{RedisConnectionName} are set");

        var answer = ContainerRuntimeProbe.Ask(configuration["ASPIRE_CONTAINER_RUNTIME"]);
        return answer.Answers
            ? new(StorageKind.Containers, $"{ConfigurationKey} is 'auto' and {answer.Detail}")
            : new(StorageKind.Embedded,
                $"{ConfigurationKey} is 'auto', no container runtime answers ({answer.Detail}) and no PostgreSQL and Redis connection strings are set; " +
                "using SQLite files and in-process state (one replica of each service)");
    }

    private static bool HasServers(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString(PostgresConnectionName))
        && !string.IsNullOrWhiteSpace(configuration.GetConnectionString(RedisConnectionName));
}
