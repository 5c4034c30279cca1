using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ShopAuthDemo.Payments.Api.Infrastructure;
using ShopAuthDemo.ServiceDefaults.Data;
using Xunit;

namespace ShopAuthDemo.Tests.Data;

// The AppHost picks the engine by the connection string it passes; no server is needed to see the choice.
public sealed class DatabaseEngineTests
{
    [Theory]
    [InlineData("Host=postgres;Port=5432;Username=u;Password=p;Database=paymentsdb", true)]
    [InlineData("host=localhost;database=paymentsdb", true)]
    [InlineData("Data Source=/tmp/payments.db", false)]
    [InlineData(null, false)]
    public void A_host_names_postgresql_anything_else_sqlite(string? connectionString, bool postgreSql) =>
        Assert.Equal(postgreSql, DatabaseEngine.IsPostgreSql(connectionString));

    [Fact]
    public void A_service_given_a_host_uses_postgresql_through_its_engine_context()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:paymentsdb"] = "Host=localhost;Database=paymentsdb;Username=u;Password=p";
        builder.AddServiceDatabase<PaymentsContext, SqlitePaymentsContext, PostgreSqlPaymentsContext>("paymentsdb", "payments.db");
        using var host = builder.Build();

        using var scope = host.Services.CreateScope();
        var payments = scope.ServiceProvider.GetRequiredService<PaymentsContext>();

        Assert.IsType<PostgreSqlPaymentsContext>(payments);
        Assert.True(payments.Database.IsNpgsql());
    }

    [Fact]
    public void A_service_without_a_connection_string_uses_its_sqlite_file()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddServiceDatabase<PaymentsContext, SqlitePaymentsContext, PostgreSqlPaymentsContext>("paymentsdb", "payments.db");
        using var host = builder.Build();

        using var scope = host.Services.CreateScope();
        var payments = scope.ServiceProvider.GetRequiredService<PaymentsContext>();

        Assert.IsType<SqlitePaymentsContext>(payments);
        Assert.Equal(Path.Combine(builder.Environment.ContentRootPath, "payments.db"), payments.Database.GetDbConnection().DataSource);
    }
}
