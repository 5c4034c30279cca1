using ShopAuthDemo.Payments.Api.Authorization;
using ShopAuthDemo.Payments.Api.Infrastructure;

namespace ShopAuthDemo.Payments.Api.Extensions;

public static class ApplicationServicesExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // PostgreSQL when the AppHost scales out, else a SQLite file, so payments (and their idempotency)
        // survive a restart.
        builder.AddServiceDatabase<PaymentsContext, SqlitePaymentsContext, PostgreSqlPaymentsContext>(
            "paymentsdb", defaultSqliteFile: "payments.db");

        builder.Services.AddPeerServiceAuthorization();
        builder.Services.AddAuthorizationBuilder().AddPaymentsPolicies();
    }
}
