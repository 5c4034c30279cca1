using ShopAuthDemo.Benchmarks.Driver.Settings;

namespace ShopAuthDemo.Benchmarks.Driver.Processes;

/// <summary>
/// Identity.Local with the shop realm, started first and shared by every set of services in the run (the main
/// one, then the mutual-TLS-off and -on sets): one issuer, one set of signing keys, one log of the tokens issued.
/// </summary>
public sealed class IdentityProviderUnderTest : IAsyncDisposable
{
    public const string Realm = "shop";

    // Nothing listens here (port 9 is "discard"): the scripted sign-in reads the code from the redirect
    // to shop-web and never follows it, and no web app is started for back-channel logout.
    public const string NoWebApp = "http://127.0.0.1:9";

    private IdentityProviderUnderTest(ServiceProcess process, string authority)
    {
        Process = process;
        Authority = authority;
    }

    public ServiceProcess Process { get; }

    public string Authority { get; }

    public static async Task<IdentityProviderUnderTest> StartAsync(BenchmarkSettings settings, RunSecrets secrets,
        string logDirectory, CancellationToken cancellationToken)
    {
        var ports = settings.Ports;
        var authority = $"http://127.0.0.1:{ports.IdentityProvider}/realms/{Realm}";
        var process = ServiceProcess.Start("identity-local", settings.BuildOutput("services/Identity.Local"), new(ports.IdentityProvider), new Dictionary<string, string>
        {
            ["Identity__Issuer"] = authority,
            ["Realm__File"] = Path.Combine(settings.RepositoryRoot, "AppHost", "Realms", "shop-realm.json"),
            ["SHOP_WEB_URL"] = NoWebApp,
            ["BACKOFFICE_WEB_URL"] = NoWebApp,
            ["SHOP_WEB_BACKCHANNEL_URL"] = NoWebApp,
            ["BACKOFFICE_WEB_BACKCHANNEL_URL"] = NoWebApp,
            ["GATEWAY_URL"] = $"http://127.0.0.1:{ports.Shop.Gateway}",
            // The realm's default, as the AppHost passes it.
            ["WEB_ACCESS_TOKEN_LIFESPAN"] = "300",
            ["SHOP_WEB_CLIENT_SECRET"] = secrets.ShopWebClientSecret,
            ["BACKOFFICE_WEB_CLIENT_SECRET"] = secrets.BackofficeWebClientSecret,
            ["ORDERS_API_CLIENT_SECRET"] = secrets.OrdersApiClientSecret,
            ["PARTNER_ACME_CLIENT_SECRET"] = secrets.PartnerAcmeClientSecret,
            ["CATALOG_API_CLIENT_SECRET"] = secrets.CatalogApiClientSecret,
            ["POLICY_API_CLIENT_SECRET"] = secrets.PolicyApiClientSecret,
            ["DEV_USER_PASSWORD"] = secrets.DevUserPassword,
            // No Northwind here: the benchmark signs nobody in through it, so the broker points nowhere.
            ["NORTHWIND_URL"] = NoWebApp,
            ["NORTHWIND_INTERNAL_URL"] = NoWebApp,
            ["NORTHWIND_BROKER_CLIENT_SECRET"] = secrets.DevUserPassword,
        }, logDirectory);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            await process.WaitUntilHealthyAsync(http, cancellationToken);
            return new(process, authority);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
