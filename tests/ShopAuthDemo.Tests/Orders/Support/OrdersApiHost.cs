using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Orders.Api.Infrastructure;
using ShopAuthDemo.Tests.Support;

namespace ShopAuthDemo.Tests.Orders.Support;

/// <summary>
/// Orders.Api in-process: trusts a test token issuer, its HTTP calls go to <see cref="FakeDownstream"/>,
/// including its polls of policy-api for the access rules (the seeded ones unless a test publishes others).
/// </summary>
public sealed class OrdersApiHost : IAsyncDisposable
{
    public TestTokenIssuer Tokens { get; } = new();
    public TemporaryDatabase Database { get; } = new();
    public FakeDownstream Downstream { get; } = new();
    public WebApplicationFactory<OrdersContext> Factory { get; private set; }

    /// <summary>More settings for the service, e.g. another partner client; read when the service starts.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>More services, e.g. a log collector; applied when the service starts.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    public OrdersApiHost() => Factory = CreateFactory();

    public HttpClient Anonymous() => Factory.CreateClient();

    public HttpClient As(TestToken token) => Factory.CreateClient().WithBearer(Tokens.CreateToken(token));

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

    private WebApplicationFactory<OrdersContext> CreateFactory() => new WebApplicationFactory<OrdersContext>().WithWebHostBuilder(web =>
    {
        web.UseSetting("Identity:Authority", TestTokenIssuer.Authority);
        web.UseSetting("Identity:Audience", "orders-api");
        web.UseSetting("Identity:ClientId", "orders-api");
        web.UseSetting("Identity:ClientSecret", "test-orders-api-secret");
        web.UseSetting("ConnectionStrings:ordersdb", Database.ConnectionString);
        foreach (var (key, value) in Settings) web.UseSetting(key, value);
        web.ConfigureTestServices(services =>
        {
            Tokens.TrustedBy(services);
            services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => Downstream));
            ConfigureServices?.Invoke(services);
        });
    });
}
