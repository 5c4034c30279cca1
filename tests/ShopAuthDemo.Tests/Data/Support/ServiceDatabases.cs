using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ShopAuthDemo.Catalog.Api.Infrastructure;
using ShopAuthDemo.Orders.Api.Infrastructure;
using ShopAuthDemo.Payments.Api.Infrastructure;
using ShopAuthDemo.Policy.Api.Infrastructure;
using Xunit;

namespace ShopAuthDemo.Tests.Data.Support;

// Each API's database registration as its AddApplicationServices makes it, in a bare host: starting the host runs
// the migrator and the seed, as a starting service does, without the rest of the service.
public sealed record ServiceDatabase(string ConnectionName, Type Context, string[] Tables, Action<IHostApplicationBuilder> Register)
{
    public async Task<IHost> StartAsync(string connectionString, ILoggerProvider? logs = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"ConnectionStrings:{ConnectionName}"] = connectionString;
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        Register(builder);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    // A fresh context of the service's type (the engine's subclass behind it) on the host's database.
    public async Task<T> QueryAsync<T>(IHost host, Func<DbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query((DbContext)scope.ServiceProvider.GetRequiredService(Context));
    }

    // Every table of the database, whichever the engine.
    public Task<List<string>> TablesAsync(IHost host) => QueryAsync(host, context =>
        context.Database.SqlQueryRaw<string>(context.Database.IsSqlite()
                ? "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'"
                : "SELECT table_name::text AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'")
            .ToListAsync());

    public override string ToString() => ConnectionName;
}

public static class ServiceDatabases
{
    public static readonly ServiceDatabase Catalog = new("catalogdb", typeof(CatalogContext), ["Products"], builder =>
        builder.AddServiceDatabase<CatalogContext, SqliteCatalogContext, PostgreSqlCatalogContext>(
            "catalogdb", defaultSqliteFile: "catalog.db", seed: CatalogSeed.SeedAsync));

    public static readonly ServiceDatabase Orders = new("ordersdb", typeof(OrdersContext), ["Orders", "OrderLines"], builder =>
        builder.AddServiceDatabase<OrdersContext, SqliteOrdersContext, PostgreSqlOrdersContext>("ordersdb", defaultSqliteFile: "orders.db"));

    public static readonly ServiceDatabase Payments = new("paymentsdb", typeof(PaymentsContext), ["Payments"], builder =>
        builder.AddServiceDatabase<PaymentsContext, SqlitePaymentsContext, PostgreSqlPaymentsContext>("paymentsdb", defaultSqliteFile: "payments.db"));

    public static readonly ServiceDatabase Policy = new("policydb", typeof(PolicyContext), ["Rules", "Versions", "Audit"], builder =>
        builder.AddServiceDatabase<PolicyContext, SqlitePolicyContext, PostgreSqlPolicyContext>(
            "policydb", defaultSqliteFile: "policy.db", seed: RuleSeed.SeedAsync));

    public static TheoryData<string> Names => ["catalogdb", "ordersdb", "paymentsdb", "policydb"];

    public static ServiceDatabase Named(string name) => new[] { Catalog, Orders, Payments, Policy }.Single(d => d.ConnectionName == name);
}
