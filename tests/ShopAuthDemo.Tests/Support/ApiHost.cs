using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ShopAuthDemo.Tests.Support;

// A running API with its own token issuer and database file. Used as a class fixture for read-only
// tests, and directly by tests that change data or restart the service.
public abstract class ApiHost<TContext> : IAsyncDisposable where TContext : DbContext
{
    private readonly Func<TestTokenIssuer, TemporaryDatabase, ApiFactory<TContext>> createFactory;

    protected ApiHost(Func<TestTokenIssuer, TemporaryDatabase, ApiFactory<TContext>> createFactory, Action<IServiceCollection>? configureServices = null)
    {
        this.createFactory = createFactory;
        ConfigureServices = configureServices;
        Factory = CreateFactory();
    }

    public TestTokenIssuer Tokens { get; } = new();

    public TemporaryDatabase Database { get; } = new();

    public ApiFactory<TContext> Factory { get; private set; }

    /// <summary>More settings for the service, e.g. another partner client; read when the service starts.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>More services, e.g. a log collector or a fake clock; applied when the service starts.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    public HttpClient Anonymous() => Factory.CreateClient();

    public HttpClient As(TestToken token) => Factory.CreateClient().WithBearer(Tokens.CreateToken(token));

    // A fresh context on the service's database, to check what was stored.
    public async Task<T> QueryAsync<T>(Func<TContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    // Stops the service and starts a new one on the same database file.
    public async Task RestartAsync()
    {
        await Factory.DisposeAsync();
        Factory = CreateFactory();
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await Factory.DisposeAsync();
        Database.Dispose();
        Tokens.Dispose();
    }

    private ApiFactory<TContext> CreateFactory()
    {
        var factory = createFactory(Tokens, Database);
        // Read when the service starts, not now: tests set them after creating the host.
        factory.MoreSettings = Settings;
        factory.ConfigureServices = services => ConfigureServices?.Invoke(services);
        return factory;
    }
}
