using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShopAuthDemo.Identity.Local.Realm;
using ShopAuthDemo.Tests.Support;

namespace ShopAuthDemo.Tests.IdentityLocal.Support;

/// <summary>Identity.Local in-process, reading the real realm file with test values for its placeholders.</summary>
public sealed class LocalIdentityProviderFactory : WebApplicationFactory<LocalRealm>
{
    public const string Issuer = "http://localhost/realms/shop";
    public const string ShopWebUrl = "http://shop.test";
    public const string BackofficeWebUrl = "http://backoffice.test";
    public const string GatewayUrl = "http://gateway.test";
    public const string NorthwindUrl = "http://northwind.test/realms/northwind";
    public const string AdminPassword = "test-admin-password";

    public static readonly IReadOnlyDictionary<string, string> Secrets = new Dictionary<string, string>
    {
        ["SHOP_WEB_CLIENT_SECRET"] = "test-shop-web-secret",
        ["BACKOFFICE_WEB_CLIENT_SECRET"] = "test-backoffice-web-secret",
        ["ORDERS_API_CLIENT_SECRET"] = "test-orders-api-secret",
        ["PARTNER_ACME_CLIENT_SECRET"] = "test-partner-acme-secret",
        ["CATALOG_API_CLIENT_SECRET"] = "test-catalog-api-secret",
        ["POLICY_API_CLIENT_SECRET"] = "test-policy-api-secret",
        ["NORTHWIND_BROKER_CLIENT_SECRET"] = "test-northwind-broker-secret",
        ["DEV_USER_PASSWORD"] = "test-user-password",
    };

    // Settings read by Identity.Local at start-up; remove one before the first request to test its absence.
    public Dictionary<string, string> Settings { get; }

    // Port 9 (discard) on loopback: nothing listens, so back-channel calls fail fast unless a test sets a receiver.
    public LocalIdentityProviderFactory() : this("http://127.0.0.1:9") { }

    /// <param name="backchannelBaseUrl">Where back-channel logout calls go (a receiver the test runs).</param>
    /// <param name="realmFile">Another realm file, for tests of the loader's rules.</param>
    internal LocalIdentityProviderFactory(string backchannelBaseUrl, string? realmFile = null)
    {
        Settings = new Dictionary<string, string>(Secrets)
        {
            ["Identity:Issuer"] = Issuer,
            ["Realm:File"] = realmFile ?? RealmFiles.Shop,
            ["SHOP_WEB_URL"] = ShopWebUrl,
            ["BACKOFFICE_WEB_URL"] = BackofficeWebUrl,
            ["GATEWAY_URL"] = GatewayUrl,
            ["NORTHWIND_URL"] = NorthwindUrl,
            ["NORTHWIND_INTERNAL_URL"] = NorthwindUrl,
            ["SHOP_WEB_BACKCHANNEL_URL"] = backchannelBaseUrl + "/shop",
            ["BACKOFFICE_WEB_BACKCHANNEL_URL"] = backchannelBaseUrl + "/backoffice",
            ["WEB_ACCESS_TOKEN_LIFESPAN"] = "300",
            ["Admin:Password"] = AdminPassword,
        };
    }

    /// <summary>A clock the test moves (lockout waits, session timeouts); the real clock when null.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Receives every log message the identity provider writes.</summary>
    public CapturedLogs? Logs { get; init; }

    /// <summary>Services to replace before start (e.g. where the broker's HTTP client goes).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            if (Clock is not null) services.AddSingleton(Clock);
            if (Logs is not null) services.AddLogging(logging => logging.AddProvider(Logs));
            TestServices?.Invoke(services);
        });
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests read them).</summary>
    public HttpClient CreateBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
