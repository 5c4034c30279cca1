using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using ShopAuthDemo.ServiceDefaults.SharedState;
using ShopAuthDemo.ServiceDefaults.TokenManagement;

namespace ShopAuthDemo.Tests.TokenManagement.Support;

// A service host as orders-api would build it: AddTokenManagement plus three HttpClients, wired to a
// fake identity provider, a fake downstream API, a fake clock and a settable user token.
public sealed class TokenManagementTestHost : IDisposable
{
    public const string ClientId = "orders-api";
    public const string ClientSecret = "orders-api-secret-4f7d1c";
    public const string CatalogAsService = "catalog-as-service";
    public const string PaymentsForUser = "payments-for-user";
    public const string CatalogForUser = "catalog-for-user";

    private readonly IHost _host;

    // identityProvider: a real one (Identity.Local in-process) instead of the fake. With ConnectionStrings:redis
    // configured, a replica in scale-out: shared state as AddServiceDefaults adds it, under applicationName.
    public TokenManagementTestHost(
        Action<Dictionary<string, string?>>? configure = null, string environment = "Development", HttpMessageHandler? identityProvider = null,
        string? applicationName = null, Action<IServiceCollection>? configureServices = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Identity:Authority"] = FakeIdentityProvider.Authority,
            ["Identity:ClientId"] = ClientId,
            ["Identity:ClientSecret"] = ClientSecret,
        };
        configure?.Invoke(settings);

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment,
            ApplicationName = applicationName,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Debug).AddFakeLogging();
        builder.Services.AddSingleton<TimeProvider>(Time);
        if (SharedStateSettings.UsesRedis(builder.Configuration)) builder.AddSharedState();

        builder.AddTokenManagement();

        builder.Services.AddSingleton<ISubjectTokenSource>(SubjectToken);
        builder.Services.AddHttpClient(TokenManagementExtensions.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => identityProvider ?? IdentityProvider);
        builder.Services.AddHttpClient(CatalogAsService, http => http.BaseAddress = new("http://catalog.test"))
            .AddClientCredentialsToken("catalog")
            .ConfigurePrimaryHttpMessageHandler(() => Downstream);
        builder.Services.AddHttpClient(PaymentsForUser, http => http.BaseAddress = new("http://payments.test"))
            .AddTokenExchange("payments-api", "payments")
            .ConfigurePrimaryHttpMessageHandler(() => Downstream);
        builder.Services.AddHttpClient(CatalogForUser, http => http.BaseAddress = new("http://catalog.test"))
            .AddTokenExchange("catalog-api")
            .ConfigurePrimaryHttpMessageHandler(() => Downstream);
        configureServices?.Invoke(builder.Services);

        _host = builder.Build();
    }

    public FakeIdentityProvider IdentityProvider { get; } = new();

    public FakeDownstream Downstream { get; } = new();

    public FakeTimeProvider Time { get; } = new();

    public FakeSubjectTokenSource SubjectToken { get; } = new();

    public IServiceProvider Services => _host.Services;

    public FakeLogCollector Logs => Services.GetRequiredService<FakeLogCollector>();

    public HttpClient CreateClient(string name) => Services.GetRequiredService<IHttpClientFactory>().CreateClient(name);

    public void Dispose() => _host.Dispose();
}
