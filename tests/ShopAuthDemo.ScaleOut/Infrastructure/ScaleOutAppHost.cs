using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Npgsql;
using ShopAuthDemo.Testing.AppHost;
using StackExchange.Redis;

namespace ShopAuthDemo.ScaleOut.Infrastructure;

/// <summary>
/// The AppHost in Storage:Mode=servers with the local identity provider: every API, the gateway and both web apps
/// twice, on one PostgreSQL and one Redis, each run from empty databases and an empty Redis.
/// </summary>
public sealed class ScaleOutAppHost() : AppHostFixture("local", "identity-local")
{
    public static readonly string[] Databases = ["catalogdb", "ordersdb", "paymentsdb", "policydb"];

    private SharedServers? _servers;
    private readonly CancellationTokenSource _stopWatching = new();

    /// <summary>Every replica's id (e.g. shop-web-abcd1234) and the resource it is a replica of.</summary>
    public ConcurrentDictionary<string, string> ReplicaIds { get; } = new();

    public SharedServers Servers => _servers ?? throw new InvalidOperationException("No servers were looked for.");

    // One minute, so that a burst of requests spread over both gateway replicas falls in one window.
    public static readonly TimeSpan RateLimitWindow = TimeSpan.FromMinutes(1);
    public const int RateLimitPermits = 20;

    // A minute-long burst on one sign-in: alice's token must outlive it (Keycloak's default).
    protected override TimeSpan WebTokenLifespan => TimeSpan.FromMinutes(5);

    protected override IEnumerable<string> StorageArguments =>
    [
        "Storage:Mode=servers",
        $"ConnectionStrings:postgres={Servers.Postgres}",
        $"ConnectionStrings:redis={Servers.Redis}",
        // Two web app replicas sit behind Aspire's proxy on the fixed ports the realm registers; the testing builder
        // would otherwise move every proxied port.
        "DcpPublisher:RandomizePorts=false",
    ];

    protected override void Configure(Aspire.Hosting.Testing.IDistributedApplicationTestingBuilder builder)
    {
        var gateway = builder.Resources.OfType<ProjectResource>().Single(p => p.Name == "gateway");
        builder.CreateResourceBuilder(gateway)
            .WithEnvironment("Gateway__RateLimit__PermitLimit", RateLimitPermits.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("Gateway__RateLimit__Window", RateLimitWindow.ToString("c"));
    }

    public override async ValueTask InitializeAsync()
    {
        _servers = await SharedServers.FindOrStartAsync();
        if (_servers.Missing is not null)
        {
            // In CI the servers are part of the run: their absence is a failure, not a skip.
            if (Environment.GetEnvironmentVariable("SHOPAUTHDEMO_REQUIRE_SHARED_SERVERS") == "1")
                throw new InvalidOperationException(_servers.Missing);
            SkipReason = _servers.Missing;
            return;
        }

        await EmptyAsync();
        await base.InitializeAsync();
        _ = WatchReplicasAsync();
        foreach (var resource in Replicas.Replicated) await this.WaitForEveryReplicaHealthyAsync(resource, CancellationToken.None);
    }

    private async Task WatchReplicasAsync()
    {
        try
        {
            await foreach (var change in App.ResourceNotifications.WatchAsync(_stopWatching.Token))
                ReplicaIds[change.ResourceId] = change.Resource.Name;
        }
        catch (OperationCanceledException)
        {
        }
    }

    public NpgsqlConnection OpenDatabase(string name) =>
        new(new NpgsqlConnectionStringBuilder(Servers.Postgres) { Database = name }.ConnectionString);

    // What an earlier run on the same servers left: its orders, rules, sessions and cached tokens. Only on this machine's
    // loopback (the throwaway servers), never on a server someone pointed the variables at by mistake.
    private async Task EmptyAsync()
    {
        var host = new NpgsqlConnectionStringBuilder(Servers.Postgres).Host;
        if (host is not ("127.0.0.1" or "localhost") || !Servers.Redis!.StartsWith("127.0.0.1:", StringComparison.Ordinal))
            throw new InvalidOperationException("The scale-out suite empties its servers first: it runs only against PostgreSQL and Redis on 127.0.0.1.");

        await using (var server = OpenDatabase("postgres"))
        {
            await server.OpenAsync();
            foreach (var database in Databases)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", server);
                await drop.ExecuteNonQueryAsync();
            }
        }

        var options = ConfigurationOptions.Parse(Servers.Redis!);
        options.AllowAdmin = true;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        foreach (var endpoint in redis.GetEndPoints()) await redis.GetServer(endpoint).FlushDatabaseAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await _stopWatching.CancelAsync();
        if (SkipReason is null) await base.DisposeAsync();
        if (_servers is not null) await _servers.DisposeAsync();
    }
}
