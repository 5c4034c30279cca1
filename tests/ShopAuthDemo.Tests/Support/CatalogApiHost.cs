using Microsoft.Extensions.DependencyInjection;

namespace ShopAuthDemo.Tests.Support;

// A running Catalog.Api with its own token issuer and database file. Used as a class fixture for
// read-only tests, and directly by tests that change data or restart the service.
public sealed class CatalogApiHost : IAsyncDisposable
{
    private readonly Action<IServiceCollection>? configureServices;

    public CatalogApiHost() : this(null)
    {
    }

    // Private: xunit requires a class fixture to have a single public constructor.
    private CatalogApiHost(Action<IServiceCollection>? configureServices)
    {
        this.configureServices = configureServices;
        Factory = CreateFactory();
    }

    public static CatalogApiHost WithServices(Action<IServiceCollection> configureServices) => new(configureServices);

    public TestTokenIssuer Tokens { get; } = new();

    public TemporaryDatabase Database { get; } = new();

    public CatalogApiFactory Factory { get; private set; }

    public HttpClient Anonymous() => Factory.CreateClient();

    public HttpClient As(TestToken token) => Factory.CreateClient().WithBearer(Tokens.CreateToken(token));

    // Stops the service and starts a new one on the same database file.
    public async Task RestartAsync()
    {
        await Factory.DisposeAsync();
        Factory = CreateFactory();
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        Database.Dispose();
        Tokens.Dispose();
    }

    private CatalogApiFactory CreateFactory() => new(Tokens, Database) { ConfigureServices = configureServices };
}
