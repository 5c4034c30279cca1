using ShopAuthDemo.AppHost.MutualTls;
using ShopAuthDemo.Benchmarks.Driver.Settings;

namespace ShopAuthDemo.Benchmarks.Driver.Processes;

/// <summary>
/// The services an order passes through: policy-api, catalog-api, payments-api, orders-api and the gateway,
/// wired the way the AppHost wires them (Identity__*, services__*, MutualTls__*, ConnectionStrings__*), with SQLite
/// files of their own (the embedded default) or, given <see cref="PostgreSqlDatabases"/>, fresh PostgreSQL databases.
/// Mutual TLS is on when the ports give the internal services a health port (<see cref="ServicePorts"/>): each
/// service then gets a certificate from a CA made for this set by the AppHost's own code, and its callers find
/// it under services__&lt;name&gt;__https__0. Off, every hop is plain http, which wrk needs to call a service directly.
/// </summary>
public sealed class ShopServices : IAsyncDisposable
{
    private readonly List<ServiceProcess> started = [];
    private readonly BenchmarkSettings settings;
    private readonly ShopPorts ports;
    private readonly IdentityProviderUnderTest identityProvider;
    private readonly string logDirectory;
    private readonly PostgreSqlDatabases? postgreSql;
    // SQLite files (and with mutual TLS the CA and the keys) of this set only, deleted when it stops.
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("shopauthdemo-bench-").FullName;
    private readonly ServiceCertificates? certificates;

    private ShopServices(BenchmarkSettings settings, ShopPorts ports, IdentityProviderUnderTest identityProvider, string logDirectory,
        PostgreSqlDatabases? postgreSql)
    {
        this.settings = settings;
        this.ports = ports;
        this.identityProvider = identityProvider;
        this.logDirectory = logDirectory;
        this.postgreSql = postgreSql;
        if (ports.Orders.MutualTls) certificates = ServiceCertificates.Create(Path.Combine(dataDirectory, "mutual-tls"));
    }

    public ServiceProcess Policy { get; private set; } = null!;
    public ServiceProcess Catalog { get; private set; } = null!;
    public ServiceProcess Payments { get; private set; } = null!;
    public ServiceProcess Orders { get; private set; } = null!;
    public ServiceProcess Gateway { get; private set; } = null!;

    public static async Task<ShopServices> StartAsync(BenchmarkSettings settings, ShopPorts ports,
        IdentityProviderUnderTest identityProvider, RunSecrets secrets, string logDirectory, CancellationToken cancellationToken,
        PostgreSqlDatabases? postgreSql = null)
    {
        Directory.CreateDirectory(logDirectory);
        var services = new ShopServices(settings, ports, identityProvider, logDirectory, postgreSql);
        try
        {
            await services.StartAllAsync(secrets, cancellationToken);
            return services;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    private async Task StartAllAsync(RunSecrets secrets, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        // First the access rules: catalog-api and orders-api load them before they listen (the PDP fails closed).
        Policy = Start("policy-api", "services/Policy.Api", ports.Policy, new(Api("policy-api"))
        {
            ["Identity__ClientId"] = "policy-api",
            ["Identity__ClientSecret"] = secrets.PolicyApiClientSecret,
            ["ConnectionStrings__policydb"] = await DatabaseAsync("policy", cancellationToken),
        });
        await Policy.WaitUntilHealthyAsync(http, cancellationToken);

        Catalog = Start("catalog-api", "services/Catalog.Api", ports.Catalog, new(Api("catalog-api"))
        {
            ["Identity__ClientId"] = "catalog-api",
            ["Identity__ClientSecret"] = secrets.CatalogApiClientSecret,
            [Discovery("policy-api", ports.Policy)] = Address(ports.Policy),
            ["ConnectionStrings__catalogdb"] = await DatabaseAsync("catalog", cancellationToken),
        });
        Payments = Start("payments-api", "services/Payments.Api", ports.Payments,
            new(Api("payments-api")) { ["ConnectionStrings__paymentsdb"] = await DatabaseAsync("payments", cancellationToken) });
        Orders = Start("orders-api", "services/Orders.Api", ports.Orders, new(Api("orders-api"))
        {
            ["Identity__ClientId"] = "orders-api",
            ["Identity__ClientSecret"] = secrets.OrdersApiClientSecret,
            [Discovery("catalog-api", ports.Catalog)] = Address(ports.Catalog),
            [Discovery("payments-api", ports.Payments)] = Address(ports.Payments),
            [Discovery("policy-api", ports.Policy)] = Address(ports.Policy),
            ["ConnectionStrings__ordersdb"] = await DatabaseAsync("orders", cancellationToken),
        });
        Gateway = Start("gateway", "services/Gateway", new(ports.Gateway),
            GatewaySettings(identityProvider, ports.Gateway, ports.Catalog, ports.Orders));

        await Task.WhenAll(started.Skip(1).Select(service => service.WaitUntilHealthyAsync(http, cancellationToken)));
    }

    /// <summary>The gateway's settings, its catalog-api and orders-api found at the given ports.</summary>
    public static Dictionary<string, string> GatewaySettings(
        IdentityProviderUnderTest identityProvider, int gateway, ServicePorts catalog, ServicePorts orders) => new()
        {
            ["Identity__Authority"] = identityProvider.Authority,
            ["Identity__Audiences__0"] = "catalog-api",
            ["Identity__Audiences__1"] = "orders-api",
            ["Gateway__ApiExplorer__ClientId"] = "api-explorer",
            // Where callers reach the gateway (its API explorer's URLs); required since it no longer trusts Host.
            ["Gateway__PublicUrl"] = $"http://127.0.0.1:{gateway}",
            [Discovery("catalog-api", catalog)] = Address(catalog),
            [Discovery("orders-api", orders)] = Address(orders),
            // The per-client limit (20 per 10 s) would turn the load into 429s; it still runs on every request.
            ["Gateway__RateLimit__PermitLimit"] = "100000000",
        };

    private Dictionary<string, string> Api(string audience) => new()
    {
        ["Identity__Authority"] = identityProvider.Authority,
        ["Identity__Audience"] = audience,
    };

    // "https+http://catalog-api" in the services takes the https address when there is one, as under the AppHost.
    private static string Discovery(string service, ServicePorts at) => $"services__{service}__{(at.MutualTls ? "https" : "http")}__0";

    private static string Address(ServicePorts at) => $"{(at.MutualTls ? "https" : "http")}://127.0.0.1:{at.Port}";

    private async Task<string> DatabaseAsync(string name, CancellationToken cancellationToken) => postgreSql is null
        ? $"Data Source={Path.Combine(dataDirectory, name + ".db")}"
        : await postgreSql.CreateAsync(name, cancellationToken);

    private ServiceProcess Start(string name, string projectFolder, ServicePorts at, Dictionary<string, string> environment)
    {
        foreach (var (key, value) in MutualTlsSettings(name)) environment[key] = value;
        var service = ServiceProcess.Start(name, settings.BuildOutput(projectFolder), at, environment, logDirectory);
        started.Add(service);
        return service;
    }

    // As AppHost/MutualTls/MutualTlsExtensions passes them: paths, never the keys. The services default to on and
    // refuse to start without a certificate, so "off" must be said.
    private Dictionary<string, string> MutualTlsSettings(string service) => certificates is null
        ? new() { ["MutualTls__Enabled"] = "false" }
        : new()
        {
            ["MutualTls__Enabled"] = "true",
            ["MutualTls__CertificateAuthority"] = certificates.AuthorityCertificatePath,
            ["MutualTls__Certificate"] = certificates.IssueFor(service),
        };

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(started.Select(service => service.DisposeAsync().AsTask()));
        started.Clear();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the folder is in the temp directory.
        }
    }
}
