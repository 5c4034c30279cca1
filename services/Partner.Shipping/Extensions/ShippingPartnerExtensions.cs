using ShopAuthDemo.Partner.Shipping.Gateway;
using ShopAuthDemo.Partner.Shipping.Shipping;

namespace ShopAuthDemo.Partner.Shipping.Extensions;

public static class ShippingPartnerExtensions
{
    public static void AddShippingPartner(this IHostApplicationBuilder builder)
    {
        var settings = ShippingSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);

        // Client credentials as partner-acme, scope "shipping" (-> aud orders-api): cached and reused
        // for every call until shortly before it expires.
        builder.Services.AddHttpClient<ShippingGatewayClient>(http => http.BaseAddress = settings.Gateway)
            .AddClientCredentialsToken(scope: "shipping");

        builder.Services.AddSingleton<ShippingWorkerStatus>();
        builder.Services.AddHealthChecks().AddCheck<ShippingWorkerStatus>("shipping-worker");
        builder.Services.AddHostedService<ShippingWorker>();
    }
}
