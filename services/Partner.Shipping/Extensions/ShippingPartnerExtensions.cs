using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using ShopAuthDemo.Partner.Shipping.Gateway;
using ShopAuthDemo.Partner.Shipping.Shipping;

namespace ShopAuthDemo.Partner.Shipping.Extensions;

public static class ShippingPartnerExtensions
{
    public static void AddShippingPartner(this IHostApplicationBuilder builder)
    {
        var settings = ShippingSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.TryAddSingleton(TimeProvider.System);

        // Client credentials as partner-acme, scope "shipping" (-> aud orders-api): cached and reused
        // for every call until shortly before it expires.
        var client = builder.Services.AddHttpClient<ShippingGatewayClient>(http => http.BaseAddress = settings.Gateway)
            .AddClientCredentialsToken(scope: "shipping");
        builder.Services.Configure<HttpStandardResilienceOptions>(StandardResilienceOptionsName(client.Name),
            resilience => resilience.AllowLongPolling(settings.WaitForOrders));

        builder.Services.AddSingleton<ShippingWorkerStatus>();
        builder.Services.AddHealthChecks().AddCheck<ShippingWorkerStatus>("shipping-worker");
        builder.Services.AddHostedService<ShippingWorker>();
    }

    // The standard resilience handler (ServiceDefaults, every client) gives up on an attempt after 10 s; the shop
    // holds this client's requests for up to WaitForOrders. Each attempt gets that long plus 10 s to answer.
    private static void AllowLongPolling(this HttpStandardResilienceOptions resilience, TimeSpan wait)
    {
        resilience.AttemptTimeout.Timeout = wait + TimeSpan.FromSeconds(10);
        resilience.TotalRequestTimeout.Timeout = 2 * resilience.AttemptTimeout.Timeout;
        // The circuit breaker must sample at least two attempts' time (the handler's own validation).
        resilience.CircuitBreaker.SamplingDuration = 2 * resilience.AttemptTimeout.Timeout;
    }

    // The options the standard handler of a named client reads (Microsoft.Extensions.Http.Resilience's naming).
    internal static string StandardResilienceOptionsName(string clientName) => $"{clientName}-standard";
}
