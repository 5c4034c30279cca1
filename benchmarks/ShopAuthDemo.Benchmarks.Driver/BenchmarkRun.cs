using ShopAuthDemo.AppHost.WebApps;
using ShopAuthDemo.Benchmarks.Driver.Identity;
using ShopAuthDemo.Benchmarks.Driver.Load;
using ShopAuthDemo.Benchmarks.Driver.Measurements;
using ShopAuthDemo.Benchmarks.Driver.Processes;
using ShopAuthDemo.Benchmarks.Driver.Report;
using ShopAuthDemo.Benchmarks.Driver.Settings;

namespace ShopAuthDemo.Benchmarks.Driver;

/// <summary>Every measurement of the HTTP benchmark, in order, side by side in one run.</summary>
public static class BenchmarkRun
{
    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        Wrk.EnsureInstalled();
        PortGuard.EnsureFree(settings.Ports.All);
        if (!settings.SkipColdStart)
            PortGuard.EnsureFree(
                [(WebAppUrls.ShopWebPort, "shop-web, cold-start row"), (WebAppUrls.BackofficeWebPort, "backoffice-web, cold-start row")],
                "The cold-start row starts the whole AppHost, whose web apps listen on these fixed ports: stop the running AppHost " +
                "or end-to-end tests first, or leave that row out with SKIP_COLD_START=1.");

        // This run's service logs and wrk's full output; the previous run's are removed first.
        var outputDirectory = Path.Combine(settings.ArtifactsDirectory, "http");
        if (Directory.Exists(outputDirectory)) Directory.Delete(outputDirectory, recursive: true);
        Directory.CreateDirectory(outputDirectory);
        var secrets = RunSecrets.Generate();
        var rows = new List<ResultRow>();

        var ports = settings.Ports;
        Console.WriteLine($"== Starting the services on 127.0.0.1:{ports.IdentityProvider}-{ports.Shop.Policy.Port} (logs: {outputDirectory})");
        // One identity provider for every set: tokens from one sign-in work at all of them.
        await using (var identityProvider = await IdentityProviderUnderTest.StartAsync(settings, secrets, outputDirectory, cancellationToken))
        using (var load = new LoadRunner(new Wrk(outputDirectory), settings.WarmUp, settings.Duration))
        {
            var tokens = new TokenRequests(identityProvider, secrets);
            if (new[] { "authentication", "gateway", "orders", "access-rules" }.Any(settings.Runs))
            {
                await using var services = await ServicesUnderTest.StartAsync(settings, identityProvider, secrets, outputDirectory, cancellationToken);
                if (settings.Runs("authentication")) rows.AddRange(await AuthenticationCost.MeasureAsync(services, tokens, load, cancellationToken));
                // A fresh sign-in per group: alice's token lives 5 minutes, like shop-web's in the app.
                if (settings.Runs("gateway"))
                    rows.AddRange(await GatewayOverhead.MeasureAsync(services, await tokens.SignInAsync("alice", cancellationToken), load, cancellationToken));
                if (settings.Runs("orders"))
                    rows.AddRange(await OrderPlacement.MeasureAsync(services, await tokens.SignInAsync("alice", cancellationToken), load, cancellationToken));
                if (settings.Runs("access-rules")) rows.AddRange(await AccessRulesCost.MeasureAsync(services, tokens, load, cancellationToken));
                Console.WriteLine("== Stopping the services");
            }

            if (settings.Runs("mutual-tls"))
                rows.AddRange(await MeasureMutualTlsAsync(settings, identityProvider, secrets, tokens, load, outputDirectory, cancellationToken));
            if (settings.Runs("databases"))
                rows.AddRange(await MeasureDatabaseEnginesAsync(settings, identityProvider, secrets, tokens, load, outputDirectory, cancellationToken));

            // In this process, with none of the services running: the session store is all that is measured.
            if (settings.Runs("sessions")) rows.AddRange(await SessionLookupCost.MeasureAsync(settings, tokens, cancellationToken));
        }

        // Last, on a machine where none of the benchmark's own services run any more.
        if (!settings.SkipColdStart) rows.Add(await ColdStart.MeasureAsync(cancellationToken));
        return rows;
    }

    // Mutual TLS off and on: two fresh sets of the order path (fresh databases, the same age), side by side; the off set
    // takes the main set's ports.
    private static async Task<IEnumerable<ResultRow>> MeasureMutualTlsAsync(BenchmarkSettings settings,
        IdentityProviderUnderTest identityProvider, RunSecrets secrets, TokenRequests tokens, LoadRunner load, string outputDirectory,
        CancellationToken cancellationToken)
    {
        var ports = settings.Ports;
        Console.WriteLine($"== Starting the services an order passes through twice: mutual TLS off on the same ports, on at " +
            $"127.0.0.1:{ports.MutualTlsShop.Catalog.Port}-{ports.MutualTlsShop.Gateway}");
        await using var plain = await ShopServices.StartAsync(settings, ports.Shop, identityProvider, secrets,
            Path.Combine(outputDirectory, "mutual-tls-off"), cancellationToken);
        await using var mutualTls = await ShopServices.StartAsync(settings, ports.MutualTlsShop, identityProvider, secrets,
            Path.Combine(outputDirectory, "mutual-tls-on"), cancellationToken);
        var rows = await MutualTlsCost.MeasureAsync(plain, mutualTls, tokens, load, cancellationToken);
        Console.WriteLine("== Stopping the services");
        return rows;
    }

    // SQLite and PostgreSQL: two fresh sets of the order path side by side, the SQLite one on the main set's ports.
    private static async Task<IEnumerable<ResultRow>> MeasureDatabaseEnginesAsync(BenchmarkSettings settings,
        IdentityProviderUnderTest identityProvider, RunSecrets secrets, TokenRequests tokens, LoadRunner load, string outputDirectory,
        CancellationToken cancellationToken)
    {
        if (settings.PostgreSqlServer is null)
            return [new ResultRow("orders-api `POST /api/orders` on PostgreSQL", null,
                $"not measured: {BenchmarkSettings.PostgreSqlVariable} is not set (benchmarks/run.sh starts a throwaway PostgreSQL when it is absent)")];

        var ports = settings.Ports;
        Console.WriteLine($"== Starting the services an order passes through twice: on SQLite files on the same ports, on PostgreSQL at " +
            $"127.0.0.1:{ports.PostgreSqlShop.Catalog.Port}-{ports.PostgreSqlShop.Policy.Port}");
        // Declared first, so the databases are dropped after the services that use them have stopped.
        await using var databases = new PostgreSqlDatabases(settings.PostgreSqlServer);
        await using var sqlite = await ShopServices.StartAsync(settings, ports.Shop, identityProvider, secrets,
            Path.Combine(outputDirectory, "sqlite"), cancellationToken);
        await using var postgreSql = await ShopServices.StartAsync(settings, ports.PostgreSqlShop, identityProvider, secrets,
            Path.Combine(outputDirectory, "postgresql"), cancellationToken, databases);
        var rows = await DatabaseEngineCost.MeasureAsync(sqlite, postgreSql, tokens, load, cancellationToken);
        Console.WriteLine("== Stopping the services");
        return rows;
    }
}
