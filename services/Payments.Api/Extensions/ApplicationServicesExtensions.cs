using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.Payments.Api.Authorization;
using ShopAuthDemo.Payments.Api.Infrastructure;

namespace ShopAuthDemo.Payments.Api.Extensions;

public static class ApplicationServicesExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // A file, not :memory:, so payments (and their idempotency) survive a restart.
        var connectionString = builder.Configuration.GetConnectionString("paymentsdb")
            ?? $"Data Source={Path.Combine(builder.Environment.ContentRootPath, "payments.db")}";

        builder.Services.AddDbContext<PaymentsContext>(options => options.UseSqlite(connectionString));
        builder.Services.AddHostedService<PaymentsDatabaseInitializer>();

        builder.Services.AddPeerServiceAuthorization();
        builder.Services.AddAuthorizationBuilder().AddPaymentsPolicies();
    }
}
