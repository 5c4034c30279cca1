using ShopAuthDemo.Backoffice.Web.Apis;

namespace ShopAuthDemo.Backoffice.Web.Extensions;

public static class BackofficeServicesExtensions
{
    public static TBuilder AddBackofficeServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Both APIs are called as the signed-in staff member; each checks her roles itself.
        builder.Services.AddHttpClient<StaffOrdersClient>(http => http.BaseAddress = new("http://orders-api"))
            .AddUserAccessToken();
        builder.Services.AddHttpClient<PriceListClient>(http => http.BaseAddress = new("http://catalog-api"))
            .AddUserAccessToken();
        return builder;
    }
}
