using ShopAuthDemo.Orders.Api.AccessDecisions;
using ShopAuthDemo.Orders.Api.Authorization;
using ShopAuthDemo.Orders.Api.Downstream;
using ShopAuthDemo.Orders.Api.Infrastructure;
using ShopAuthDemo.Orders.Api.Ordering;
using ShopAuthDemo.Orders.Api.PaidOrders;
using ShopAuthDemo.Orders.Api.PolicyInformationPoint;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;
using ShopAuthDemo.ServiceDefaults.SharedState;

namespace ShopAuthDemo.Orders.Api.Extensions;

public static class ApplicationServicesExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // PostgreSQL when the AppHost scales out, else a SQLite file, so orders survive a restart.
        builder.AddServiceDatabase<OrdersContext, SqliteOrdersContext, PostgreSqlOrdersContext>("ordersdb", defaultSqliteFile: "orders.db");

        // Service to service: orders-api asks the catalog for prices as itself (client credentials).
        builder.Services.AddHttpClient<CatalogClient>().CallsInternalService("catalog-api")
            .AddClientCredentialsToken(scope: "catalog");

        // On behalf of the user: alice's token is exchanged for one minted for payments-api, so the
        // payment records her as payer and orders-api as the service that charged (azp).
        builder.Services.AddHttpClient<PaymentsClient>().CallsInternalService("payments-api")
            .AddTokenExchange(audience: "payments-api", scope: "payments");

        builder.Services.AddScoped<OrderPlacement>();
        builder.Services.AddScoped<OrderShipping>();
        // Shipping partners wait for paid orders (long polling); with replicas, a payment on one wakes them on all.
        if (SharedStateSettings.UsesRedis(builder.Configuration))
            builder.Services.AddSingleton<PaidOrderSignal, RedisPaidOrderSignal>();
        else
            builder.Services.AddSingleton<PaidOrderSignal>();

        // Placing an order is decided by the access rules of policy-api, on the priced order as the resource;
        // the last decisions about each customer are kept for the shop's Identity page.
        builder.AddAccessRules<PricedOrderSource>(AccessActions.PlaceOrder);
        builder.Services.AddSingleton<RecentDecisions>();
        builder.Services.AddSingleton<IAccessDecisionListener>(services => services.GetRequiredService<RecentDecisions>());

        var partners = PartnerClients.From(builder.Configuration);
        builder.Services.AddSingleton(partners);
        builder.Services.AddAuthorizationBuilder().AddOrdersPolicies(partners);

        // OpenAPI description of these routes; the gateway publishes the ones it exposes.
        builder.Services.AddOpenApi();
    }
}
