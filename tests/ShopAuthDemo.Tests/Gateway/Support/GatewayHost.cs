using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Gateway.Headers;
using ShopAuthDemo.Tests.Support;
using Yarp.ReverseProxy.Forwarder;

namespace ShopAuthDemo.Tests.Gateway.Support;

/// <summary>
/// The gateway in-process: trusts a test token issuer and forwards to <see cref="FakeServices"/>.
/// SpoofableIdentityHeaders only marks the gateway's assembly (see ApiFactory).
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    public GatewayHost() : this(permitLimit: 1000, new Dictionary<string, string>())
    {
    }

    private GatewayHost(int permitLimit, IReadOnlyDictionary<string, string> settings) =>
        Factory = new WebApplicationFactory<SpoofableIdentityHeaders>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Identity:Authority", TestTokenIssuer.Authority);
            web.UseSetting("Identity:Audiences:0", "catalog-api");
            web.UseSetting("Identity:Audiences:1", "orders-api");
            web.UseSetting("Gateway:PublicUrl", PublicUrl);
            web.UseSetting("Gateway:ApiExplorer:ClientId", "api-explorer");
            web.UseSetting("Gateway:ApiExplorer:PartnerClientIds:0", "partner-acme");
            web.UseSetting("Gateway:RateLimit:PermitLimit", permitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            web.UseSetting("Gateway:RateLimit:Window", "00:01:00");
            foreach (var (key, value) in settings) web.UseSetting(key, value);
            web.ConfigureTestServices(services =>
            {
                Tokens.TrustedBy(services);
                services.AddSingleton<IForwarderHttpClientFactory>(Services);
                services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => Services));
            });
        });

    /// <summary>A gateway that lets each client make <paramref name="permitLimit"/> requests a minute.</summary>
    public static GatewayHost WithRateLimit(int permitLimit) => new(permitLimit, new Dictionary<string, string>());

    /// <summary>The same, behind a reverse proxy at <paramref name="proxy"/> (Gateway:ForwardedHeaders:KnownProxies).</summary>
    public static GatewayHost WithRateLimitBehindProxy(int permitLimit, string proxy) =>
        new(permitLimit, new Dictionary<string, string> { ["Gateway:ForwardedHeaders:KnownProxies:0"] = proxy });

    /// <summary>The same, as one replica in scale-out: the budgets in the Redis that <paramref name="redis"/> configures.</summary>
    public static GatewayHost WithSharedRateLimit(int permitLimit, string redis) =>
        new(permitLimit, new Dictionary<string, string> { ["ConnectionStrings:redis"] = redis });

    /// <summary>The address the AppHost would configure; deliberately not the test server's own (localhost).</summary>
    public const string PublicUrl = "http://gateway.shop.test:7300";

    public TestTokenIssuer Tokens { get; } = new();

    public FakeServices Services { get; } = new();

    public WebApplicationFactory<SpoofableIdentityHeaders> Factory { get; }

    public HttpClient Anonymous() => Factory.CreateClient();

    public HttpClient As(TestToken token) => Factory.CreateClient().WithBearer(Tokens.CreateToken(token));

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        Tokens.Dispose();
        Services.Dispose();
    }
}
