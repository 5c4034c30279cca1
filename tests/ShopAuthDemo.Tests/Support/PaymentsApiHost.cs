using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Payments.Api.Infrastructure;

namespace ShopAuthDemo.Tests.Support;

// A running Payments.Api with its own token issuer and database file (see CatalogApiHost).
public sealed class PaymentsApiHost : IAsyncDisposable
{
    private readonly Action<IServiceCollection>? configureServices;

    public PaymentsApiHost() : this(null)
    {
    }

    // Private: xunit requires a class fixture to have a single public constructor.
    private PaymentsApiHost(Action<IServiceCollection>? configureServices)
    {
        this.configureServices = configureServices;
        Factory = CreateFactory();
    }

    public static PaymentsApiHost WithServices(Action<IServiceCollection> configureServices) => new(configureServices);

    public TestTokenIssuer Tokens { get; } = new();

    public TemporaryDatabase Database { get; } = new();

    public PaymentsApiFactory Factory { get; private set; }

    public HttpClient Anonymous() => Factory.CreateClient();

    public HttpClient As(TestToken token) => Factory.CreateClient().WithBearer(Tokens.CreateToken(token));

    // A fresh context on the service's database, to check what was stored.
    public async Task<T> QueryAsync<T>(Func<PaymentsContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PaymentsContext>());
    }

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

    private PaymentsApiFactory CreateFactory() => new(Tokens, Database) { ConfigureServices = configureServices };
}
