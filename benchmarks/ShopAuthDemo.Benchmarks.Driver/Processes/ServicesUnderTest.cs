using ShopAuthDemo.Benchmarks.Driver.Settings;

namespace ShopAuthDemo.Benchmarks.Driver.Processes;

/// <summary>
/// The main set: the benchmark API (twice: with and without the validated-token cache) and the services an
/// order passes through, with mutual TLS off so that wrk, which has no client certificate, can call each of them
/// directly. From Release builds on fixed loopback ports, without Aspire or its dashboard; the identity provider
/// is shared with the rest of the run. One more gateway has the benchmark API for its catalog-api: the gateway's
/// own cost on a route that does no database work.
/// </summary>
public sealed class ServicesUnderTest : IAsyncDisposable
{
    private readonly IdentityProviderUnderTest identityProvider;
    private readonly List<ServiceProcess> benchApis = [];
    private ShopServices? shop;
    private ServiceProcess? gatewayToBenchApi;

    private ServicesUnderTest(IdentityProviderUnderTest identityProvider) => this.identityProvider = identityProvider;

    public ServiceProcess IdentityProvider => identityProvider.Process;
    public ServiceProcess BenchApi => benchApis[0];
    public ServiceProcess BenchApiWithoutTokenCache => benchApis[1];
    public ServiceProcess Catalog => Shop.Catalog;
    public ServiceProcess Payments => Shop.Payments;
    public ServiceProcess Orders => Shop.Orders;
    public ServiceProcess Gateway => Shop.Gateway;
    public ServiceProcess Policy => Shop.Policy;
    public ServiceProcess GatewayToBenchApi => gatewayToBenchApi ?? throw new InvalidOperationException("The services have not started.");

    private ShopServices Shop => shop ?? throw new InvalidOperationException("The services have not started.");

    public static async Task<ServicesUnderTest> StartAsync(BenchmarkSettings settings, IdentityProviderUnderTest identityProvider,
        RunSecrets secrets, string logDirectory, CancellationToken cancellationToken)
    {
        var services = new ServicesUnderTest(identityProvider);
        try
        {
            // The benchmark API accepts what catalog-api accepts, so orders-api's client-credentials token fits it.
            var api = new Dictionary<string, string>
            {
                ["Identity__Authority"] = identityProvider.Authority,
                ["Identity__Audience"] = "catalog-api",
            };
            var assembly = settings.BuildOutput("benchmarks/ShopAuthDemo.Benchmarks.Api");
            services.benchApis.Add(ServiceProcess.Start("bench-api", assembly, new(settings.Ports.BenchApi), api, logDirectory));
            services.benchApis.Add(ServiceProcess.Start("bench-api-without-token-cache", assembly, new(settings.Ports.BenchApiWithoutTokenCache),
                new Dictionary<string, string>(api) { ["Identity__TokenCache__Enabled"] = "false" }, logDirectory));
            // Both of its services are the benchmark API (with the token cache, the default), over plain http.
            var benchApiPorts = new ServicePorts(settings.Ports.BenchApi);
            var gateway = ShopServices.GatewaySettings(identityProvider, settings.Ports.GatewayToBenchApi, benchApiPorts, benchApiPorts);
            gateway["MutualTls__Enabled"] = "false";
            services.gatewayToBenchApi = ServiceProcess.Start("gateway-to-bench-api", settings.BuildOutput("services/Gateway"),
                new(settings.Ports.GatewayToBenchApi), gateway, logDirectory);

            services.shop = await ShopServices.StartAsync(settings, settings.Ports.Shop, identityProvider, secrets, logDirectory, cancellationToken);

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            await Task.WhenAll(services.benchApis.Append(services.gatewayToBenchApi)
                .Select(service => service.WaitUntilHealthyAsync(http, cancellationToken)));
            return services;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(benchApis.Select(benchApi => benchApi.DisposeAsync().AsTask()));
        benchApis.Clear();
        if (gatewayToBenchApi is not null) await gatewayToBenchApi.DisposeAsync();
        gatewayToBenchApi = null;
        if (shop is not null) await shop.DisposeAsync();
        shop = null;
    }
}
