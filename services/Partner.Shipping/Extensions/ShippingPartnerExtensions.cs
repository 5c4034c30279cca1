using Microsoft.Extensions.DependencyInjection.Extensions;
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
        var gateway = builder.Services.AddHttpClient<ShippingGatewayClient>(http => http.BaseAddress = settings.Gateway);
        gateway.AllowLongPolling(settings.WaitForOrders);
        gateway.AddClientCredentialsToken(scope: "shipping");

        builder.Services.AddSingleton<ShippingWorkerStatus>();
        builder.Services.AddHealthChecks().AddCheck<ShippingWorkerStatus>("shipping-worker");
        builder.Services.AddHostedService<ShippingWorker>();
    }

    // The standard resilience handler (ServiceDefaults, every client) gives up on an attempt after 10 s; the shop
    // holds this client's requests for up to WaitForOrders. The same handler, with attempts that may take that long
    // plus 10 s to answer (Polly's own rules: a total of at least one attempt, a circuit-breaker sampling two).
    private static void AllowLongPolling(this IHttpClientBuilder client, TimeSpan wait)
    {
        var attempt = wait + TimeSpan.FromSeconds(10);
#pragma warning disable EXTEXP0001 // Experimental in Microsoft.Extensions.Http.Resilience, and the documented way to replace the defaults' handler.
        client.RemoveAllResilienceHandlers().AddStandardResilienceHandler(resilience =>
#pragma warning restore EXTEXP0001
        {
            resilience.AttemptTimeout.Timeout = attempt;
            resilience.TotalRequestTimeout.Timeout = 2 * attempt;
            resilience.CircuitBreaker.SamplingDuration = 2 * attempt;
        });
    }
}
