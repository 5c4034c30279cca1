using ShopAuthDemo.Benchmarks.Driver.Settings;

namespace ShopAuthDemo.Benchmarks.Driver.Processes;

/// <summary>
/// Identity.Local, policy-api, the benchmark API (twice: with and without the validated-token cache),
/// catalog-api, payments-api, orders-api and the gateway, wired the way the AppHost wires them (Identity__*,
/// services__*), but from Release builds on fixed loopback ports, without Aspire or its dashboard.
/// </summary>
public sealed class ServicesUnderTest : IAsyncDisposable
{
    public const string Realm = "shop";

    // Nothing listens here (port 9 is "discard"): the scripted sign-in reads the code from the redirect
    // to shop-web and never follows it, and no web app is started for back-channel logout.
    public const string NoWebApp = "http://127.0.0.1:9";

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(90);

    private readonly List<ServiceProcess> started = [];
    private readonly BenchmarkSettings settings;
    private readonly string logDirectory;
    // SQLite files of this run only: the services' defaults would write into the project folders.
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("shopauthdemo-bench-").FullName;

    private ServicesUnderTest(BenchmarkSettings settings, string logDirectory)
    {
        this.settings = settings;
        this.logDirectory = logDirectory;
    }

    public ServiceProcess IdentityProvider { get; private set; } = null!;
    public ServiceProcess BenchApi { get; private set; } = null!;
    public ServiceProcess BenchApiWithoutTokenCache { get; private set; } = null!;
    public ServiceProcess Catalog { get; private set; } = null!;
    public ServiceProcess Payments { get; private set; } = null!;
    public ServiceProcess Orders { get; private set; } = null!;
    public ServiceProcess Gateway { get; private set; } = null!;
    public ServiceProcess Policy { get; private set; } = null!;

    public string Authority => $"http://127.0.0.1:{settings.Ports.IdentityProvider}/realms/{Realm}";

    public static async Task<ServicesUnderTest> StartAsync(BenchmarkSettings settings, RunSecrets secrets,
        string logDirectory, CancellationToken cancellationToken)
    {
        var services = new ServicesUnderTest(settings, logDirectory);
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
        var ports = settings.Ports;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        // First the identity provider: every API fetches its signing keys from it on its first request.
        IdentityProvider = Start("identity-local", "services/Identity.Local", ports.IdentityProvider, new()
        {
            ["Identity__Issuer"] = Authority,
            ["Realm__File"] = Path.Combine(settings.RepositoryRoot, "AppHost", "Realms", "shop-realm.json"),
            ["SHOP_WEB_URL"] = NoWebApp,
            ["BACKOFFICE_WEB_URL"] = NoWebApp,
            ["SHOP_WEB_BACKCHANNEL_URL"] = NoWebApp,
            ["BACKOFFICE_WEB_BACKCHANNEL_URL"] = NoWebApp,
            ["GATEWAY_URL"] = $"http://127.0.0.1:{ports.Gateway}",
            // The realm's default, as the AppHost passes it.
            ["WEB_ACCESS_TOKEN_LIFESPAN"] = "300",
            ["SHOP_WEB_CLIENT_SECRET"] = secrets.ShopWebClientSecret,
            ["BACKOFFICE_WEB_CLIENT_SECRET"] = secrets.BackofficeWebClientSecret,
            ["ORDERS_API_CLIENT_SECRET"] = secrets.OrdersApiClientSecret,
            ["PARTNER_ACME_CLIENT_SECRET"] = secrets.PartnerAcmeClientSecret,
            ["CATALOG_API_CLIENT_SECRET"] = secrets.CatalogApiClientSecret,
            ["POLICY_API_CLIENT_SECRET"] = secrets.PolicyApiClientSecret,
            ["DEV_USER_PASSWORD"] = secrets.DevUserPassword,
        });
        await IdentityProvider.WaitUntilHealthyAsync(http, StartupTimeout, cancellationToken);

        // Then the access rules: catalog-api and orders-api load them before they listen (the PDP fails closed).
        Policy = Start("policy-api", "services/Policy.Api", ports.Policy, new(Api("policy-api"))
        {
            ["Identity__ClientId"] = "policy-api",
            ["Identity__ClientSecret"] = secrets.PolicyApiClientSecret,
            ["ConnectionStrings__policydb"] = Database("policy"),
        });
        await Policy.WaitUntilHealthyAsync(http, StartupTimeout, cancellationToken);

        // The benchmark API accepts what catalog-api accepts, so orders-api's client-credentials token fits it.
        BenchApi = Start("bench-api", "benchmarks/ShopAuthDemo.Benchmarks.Api", ports.BenchApi, Api("catalog-api"));
        BenchApiWithoutTokenCache = Start("bench-api-without-token-cache", "benchmarks/ShopAuthDemo.Benchmarks.Api",
            ports.BenchApiWithoutTokenCache, new(Api("catalog-api")) { ["Identity__TokenCache__Enabled"] = "false" });
        Catalog = Start("catalog-api", "services/Catalog.Api", ports.Catalog, new(Api("catalog-api"))
        {
            ["Identity__ClientId"] = "catalog-api",
            ["Identity__ClientSecret"] = secrets.CatalogApiClientSecret,
            ["services__policy-api__http__0"] = $"http://127.0.0.1:{ports.Policy}",
            ["ConnectionStrings__catalogdb"] = Database("catalog"),
        });
        Payments = Start("payments-api", "services/Payments.Api", ports.Payments,
            new(Api("payments-api")) { ["ConnectionStrings__paymentsdb"] = Database("payments") });
        Orders = Start("orders-api", "services/Orders.Api", ports.Orders, new(Api("orders-api"))
        {
            ["Identity__ClientId"] = "orders-api",
            ["Identity__ClientSecret"] = secrets.OrdersApiClientSecret,
            ["services__catalog-api__http__0"] = $"http://127.0.0.1:{ports.Catalog}",
            ["services__payments-api__http__0"] = $"http://127.0.0.1:{ports.Payments}",
            ["services__policy-api__http__0"] = $"http://127.0.0.1:{ports.Policy}",
            ["ConnectionStrings__ordersdb"] = Database("orders"),
        });
        Gateway = Start("gateway", "services/Gateway", ports.Gateway, new()
        {
            ["Identity__Authority"] = Authority,
            ["Identity__Audiences__0"] = "catalog-api",
            ["Identity__Audiences__1"] = "orders-api",
            ["Gateway__ApiExplorer__ClientId"] = "api-explorer",
            // Where callers reach the gateway (its API explorer's URLs); required since it no longer trusts Host.
            ["Gateway__PublicUrl"] = $"http://127.0.0.1:{ports.Gateway}",
            ["services__catalog-api__http__0"] = $"http://127.0.0.1:{ports.Catalog}",
            ["services__orders-api__http__0"] = $"http://127.0.0.1:{ports.Orders}",
            // The per-client limit (20 per 10 s) would turn the load into 429s; it still runs on every request.
            ["Gateway__RateLimit__PermitLimit"] = "100000000",
        });

        await Task.WhenAll(started.Skip(2).Select(service => service.WaitUntilHealthyAsync(http, StartupTimeout, cancellationToken)));
    }

    private Dictionary<string, string> Api(string audience) => new()
    {
        ["Identity__Authority"] = Authority,
        ["Identity__Audience"] = audience,
    };

    private string Database(string name) => $"Data Source={Path.Combine(dataDirectory, name + ".db")}";

    private ServiceProcess Start(string name, string projectFolder, int port, Dictionary<string, string> environment)
    {
        var service = ServiceProcess.Start(name, settings.BuildOutput(projectFolder), port, environment, logDirectory);
        started.Add(service);
        return service;
    }

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
