using ShopAuthDemo.Backoffice.Web.Apis;

namespace ShopAuthDemo.Backoffice.Web.Extensions;

public static class BackofficeServicesExtensions
{
    public static TBuilder AddBackofficeServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Every API is called as the signed-in staff member; each checks her roles itself.
        builder.Services.AddHttpClient<StaffOrdersClient>().CallsInternalService("orders-api")
            .AddUserAccessToken();
        builder.Services.AddHttpClient<PriceListClient>().CallsInternalService("catalog-api")
            .AddUserAccessToken();
        // The Access rules page: policy-api lets in role admin with a token for its audience (scope policies).
        builder.Services.AddHttpClient<PolicyRulesClient>().CallsInternalService("policy-api")
            .AddUserAccessToken();
        return builder;
    }
}
