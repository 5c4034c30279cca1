using System.Data.Common;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ShopAuthDemo.EndToEnd.AppHostModel;

/// <summary>
/// What each storage mode puts in the app model, read without starting anything: the databases and Redis each
/// service is given, the replicas, and Keycloak on PostgreSQL, also on machines that cannot run containers.
/// </summary>
public sealed class StorageModelTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private const string Server = "Host=127.0.0.1;Port=5432;Username=shop;Password=not-a-secret";
    private const string RedisAdminPassword = "admin-not-a-secret";

    private static readonly string[] Replicated = ["catalog-api", "orders-api", "payments-api", "policy-api", "gateway", "shop-web", "backoffice-web"];

    [Fact]
    public async Task Servers_mode_gives_each_api_its_own_database_redis_to_every_replica_and_two_replicas()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            ["Identity:Provider=local", "Storage:Mode=servers", $"ConnectionStrings:postgres={Server}", $"ConnectionStrings:redis=127.0.0.1:6379,password={RedisAdminPassword}"],
            Cancellation);
        var projects = builder.Resources.OfType<ProjectResource>().ToDictionary(p => p.Name);

        foreach (var (service, database) in new[] { ("catalog-api", "catalogdb"), ("orders-api", "ordersdb"), ("payments-api", "paymentsdb"), ("policy-api", "policydb") })
        {
            var environment = await EnvironmentOf(projects[service]);
            Assert.Equal($"{{{database}.connectionString}}", environment[$"ConnectionStrings__{database}"]);
            var connectionString = builder.Resources.OfType<IResourceWithConnectionString>().Single(r => r.Name == database);
            // Its own role (Storage/Accounts/), owner of this database only: not the admin of the server.
            var own = new DbConnectionStringBuilder { ConnectionString = await connectionString.GetConnectionStringAsync(Cancellation) };
            Assert.Equal(("127.0.0.1", "5432", service, database), ((string)own["Host"], (string)own["Port"], (string)own["Username"], (string)own["Database"]));
            Assert.NotEqual("not-a-secret", (string)own["Password"]);
            // Least privilege: a service is given its own database only.
            Assert.Single(environment.Keys, key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && key.EndsWith("db", StringComparison.Ordinal));
        }

        var passwords = new HashSet<string>();
        foreach (var name in Replicated)
        {
            Assert.Equal(2, projects[name].GetReplicaCount());
            // Least privilege: each app signs in to Redis as its own user (Storage/Accounts/), never with the admin's password.
            var redis = await RunModeValueOf(projects[name], "ConnectionStrings__redis");
            Assert.StartsWith($"127.0.0.1:6379,user={name},password=", redis, StringComparison.Ordinal);
            Assert.DoesNotContain(RedisAdminPassword, redis, StringComparison.Ordinal);
            Assert.True(passwords.Add(redis.Split("password=")[1]), "each app has a password of its own");
            // Its key ring in Redis is encrypted with its own certificate, given as a path (no key in the dashboard).
            var certificate = (await EnvironmentOf(projects[name]))["DataProtection__Certificate"];
            Assert.EndsWith($"{Path.DirectorySeparatorChar}key-rings{Path.DirectorySeparatorChar}{name}.pem", certificate, StringComparison.Ordinal);
            Assert.True(File.Exists(certificate));
        }

        // The identity provider's stand-in and the partner keep one instance (see the README on what they keep).
        Assert.Equal(1, projects["identity-local"].GetReplicaCount());
        Assert.Equal(1, projects["partner-shipping"].GetReplicaCount());

        // Two replicas cannot share the realm's fixed port: Aspire's proxy listens on it and hands connections to them.
        var shop = projects["shop-web"].Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http");
        Assert.True(shop.IsProxied);
        Assert.Equal(7100, shop.Port);
        Assert.Null(shop.TargetPort);
    }

    [Fact]
    public async Task Embedded_mode_has_no_database_or_redis_and_one_of_each_web_app_on_its_fixed_port()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            ["Identity:Provider=local", "Storage:Mode=embedded"], Cancellation);
        var projects = builder.Resources.OfType<ProjectResource>().ToDictionary(p => p.Name);

        Assert.DoesNotContain(builder.Resources, r => r.Name is "postgres" or "redis");
        Assert.All(Replicated, name => Assert.Equal(1, projects[name].GetReplicaCount()));
        var shop = projects["shop-web"].Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http");
        Assert.False(shop.IsProxied);
        Assert.Equal(7100, shop.TargetPort);
    }

    [Fact]
    public async Task Containers_mode_runs_keycloak_on_the_same_postgres_and_lets_it_call_the_web_apps_back()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            ["Identity:Provider=keycloak", "Storage:Mode=containers"], Cancellation);
        var keycloak = builder.Resources.OfType<ContainerResource>().Single(r => r.Name == "keycloak");

        Assert.Contains(builder.Resources, r => r.Name == "postgres" && r is ContainerResource);
        Assert.Contains(builder.Resources, r => r.Name == "redis" && r is ContainerResource);
        var environment = await EnvironmentOf(keycloak);
        Assert.Equal("postgres", environment["KC_DB"]);
        Assert.Equal("jdbc:postgresql://{postgres.bindings.tcp.host}:{postgres.bindings.tcp.targetPort}/keycloakdb", environment["KC_DB_URL"]);
        // Its own role, owner of keycloakdb only (Storage/Accounts/), with this run's generated password.
        Assert.Equal("keycloak", environment["KC_DB_USERNAME"]);
        Assert.Matches("^[0-9a-f]{64}$", environment["KC_DB_PASSWORD"]);

        // Docker Engine on Linux does not resolve host.docker.internal: the container gets it mapped to the host's
        // gateway, and the web apps listen beyond loopback so that back-channel logout reaches them.
        if (OperatingSystem.IsLinux())
        {
            var arguments = new List<object>();
            foreach (var callback in keycloak.Annotations.OfType<ContainerRuntimeArgsCallbackAnnotation>())
                await callback.Callback(new ContainerRuntimeArgsCallbackContext(arguments, Cancellation));
            Assert.Contains("--add-host=host.docker.internal:host-gateway", arguments.Select(a => a.ToString()));
            var shop = builder.Resources.OfType<ProjectResource>().Single(p => p.Name == "shop-web")
                .Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http");
            Assert.Equal("0.0.0.0", shop.TargetHost);
        }
    }

    // Publish mode: values stay expressions ({resource.connectionString}), so nothing has to run to read them.
    private static async Task<Dictionary<string, string>> EnvironmentOf(IResource resource) =>
        (await ExecutionConfigurationBuilder.Create(resource)
            .WithEnvironmentVariablesConfig()
            .BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), NullLogger.Instance, Cancellation))
        .EnvironmentVariables.ToDictionary();

    // Run mode, one variable: its value needs no running resource (a server given by its connection string), while
    // the whole environment would wait for other services' endpoints, which only a running app allocates.
    private static async Task<string> RunModeValueOf(IResource resource, string variable)
    {
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run),
            resource, cancellationToken: Cancellation);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>()) await callback.Callback(context);
        return context.EnvironmentVariables[variable] switch
        {
            string value => value,
            IValueProvider provider => await provider.GetValueAsync(Cancellation) ?? "",
            var other => throw new InvalidOperationException($"{variable} is a {other.GetType().Name}"),
        };
    }
}
