using ShopAuthDemo.Shop.Web.Apis;
using ShopAuthDemo.Shop.Web.Cart;
using ShopAuthDemo.Shop.Web.Telemetry;

namespace ShopAuthDemo.Shop.Web.Extensions;

public static class ShopServicesExtensions
{
    public static TBuilder AddShopServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Browsing is anonymous: the catalog is called without a token.
        builder.Services.AddHttpClient<CatalogClient>().CallsInternalService("catalog-api");
        // Orders are the signed-in customer's: every call carries her access token.
        builder.Services.AddHttpClient<OrdersClient>().CallsInternalService("orders-api")
            .AddUserAccessToken();
        builder.Services.AddScoped<CartState>();
        builder.Services.AddScoped<OrderAfterSignIn>();
        builder.Services.AddSingleton<OrderTracing>();
        return builder;
    }
}
