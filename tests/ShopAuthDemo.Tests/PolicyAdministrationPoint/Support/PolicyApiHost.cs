using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using ShopAuthDemo.Policy.Api.Infrastructure;
using ShopAuthDemo.Tests.Support;

namespace ShopAuthDemo.Tests.PolicyAdministrationPoint.Support;

/// <summary>
/// Policy.Api in-process: trusts a test token issuer, keeps its rules in a SQLite file of its own, and
/// its HTTP calls (policy-api's own token, the user directory) go to <see cref="FakeUserDirectory"/>.
/// </summary>
public sealed class PolicyApiHost : IAsyncDisposable
{
    public TestTokenIssuer Tokens { get; } = new();
    public TemporaryDatabase Database { get; } = new();
    public FakeUserDirectory Directory { get; } = new();
    public CapturedLogs Logs { get; } = new();
    public WebApplicationFactory<PolicyContext> Factory { get; private set; }

    /// <summary>More services, e.g. a fake clock; applied when the service starts.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    public PolicyApiHost() => Factory = CreateFactory();

    public HttpClient Anonymous() => Factory.CreateClient();

    public HttpClient As(TestToken token) => Factory.CreateClient().WithBearer(Tokens.CreateToken(token));

    public async Task<T> QueryAsync<T>(Func<PolicyContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PolicyContext>());
    }

    /// <summary>Stops the service and starts a new one on the same database file.</summary>
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

    private WebApplicationFactory<PolicyContext> CreateFactory() => new WebApplicationFactory<PolicyContext>().WithWebHostBuilder(web =>
    {
        web.UseSetting("Identity:Authority", TestTokenIssuer.Authority);
        web.UseSetting("Identity:Audience", "policy-api");
        web.UseSetting("Identity:ClientId", "policy-api");
        web.UseSetting("Identity:ClientSecret", FakeUserDirectory.PolicyApiSecret);
        web.UseSetting("ConnectionStrings:policydb", Database.ConnectionString);
        web.ConfigureTestServices(services =>
        {
            Tokens.TrustedBy(services);
            services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => Directory));
            // The same retries as in production, without the seconds of back-off between them.
            services.ConfigureAll<HttpStandardResilienceOptions>(resilience => resilience.Retry.Delay = TimeSpan.Zero);
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
            ConfigureServices?.Invoke(services);
        });
    });
}
