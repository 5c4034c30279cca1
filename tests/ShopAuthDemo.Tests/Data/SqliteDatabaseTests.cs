using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using ShopAuthDemo.Catalog.Api.Infrastructure;
using ShopAuthDemo.Orders.Api.Infrastructure;
using ShopAuthDemo.Policy.Api.Infrastructure;
using ShopAuthDemo.ServiceDefaults.Data;
using ShopAuthDemo.Tests.Data.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Data;

// The embedded default: each API on a SQLite file of its own.
public sealed class SqliteDatabaseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(ServiceDatabases.Names), MemberType = typeof(ServiceDatabases))]
    public async Task Migrations_create_every_table_on_an_empty_file(string name)
    {
        var service = ServiceDatabases.Named(name);
        using var file = new TemporaryDatabase();

        using var host = await service.StartAsync(file.ConnectionString);

        var tables = await service.TablesAsync(host);
        Assert.All(service.Tables.Append("__EFMigrationsHistory"), table => Assert.Contains(table, tables));
        Assert.Empty(await service.QueryAsync(host, context => context.Database.GetPendingMigrationsAsync(Ct)));
    }

    [Fact]
    public async Task A_file_from_before_migrations_is_rebuilt_with_a_warning()
    {
        using var file = new TemporaryDatabase();
        // What EnsureCreated left behind in an earlier version: an orders table without shipments, no migrations history.
        await ExecuteAsync(file, "CREATE TABLE Orders (Id TEXT PRIMARY KEY, BuyerId TEXT NOT NULL)");
        var logs = new CapturedLogs();

        using var host = await ServiceDatabases.Orders.StartAsync(file.ConnectionString, logs);

        Assert.Contains(logs.Messages, message => message.Contains("made before migrations; rebuilding it"));
        var shipped = await ServiceDatabases.Orders.QueryAsync(host, context =>
            ((OrdersContext)context).Orders.CountAsync(o => o.Shipment != null, Ct));
        Assert.Equal(0, shipped);
    }

    [Fact]
    public async Task Seeding_twice_adds_nothing_twice()
    {
        using var catalogFile = new TemporaryDatabase();
        using var policyFile = new TemporaryDatabase();

        foreach (var _ in new[] { 1, 2 })
        {
            using var catalog = await ServiceDatabases.Catalog.StartAsync(catalogFile.ConnectionString);
            using var policy = await ServiceDatabases.Policy.StartAsync(policyFile.ConnectionString);
            await catalog.StopAsync(Ct);
            await policy.StopAsync(Ct);
        }

        using var restarted = await ServiceDatabases.Catalog.StartAsync(catalogFile.ConnectionString);
        using var restartedPolicy = await ServiceDatabases.Policy.StartAsync(policyFile.ConnectionString);
        Assert.Equal(CatalogSeed.Products().Count, await ServiceDatabases.Catalog.QueryAsync(restarted, c => ((CatalogContext)c).Products.CountAsync(Ct)));
        Assert.Equal(RuleSeed.Rules().Count, await ServiceDatabases.Policy.QueryAsync(restartedPolicy, c => ((PolicyContext)c).Rules.CountAsync(Ct)));
        Assert.Equal(1, await ServiceDatabases.Policy.QueryAsync(restartedPolicy, c => ((PolicyContext)c).Versions.CountAsync(Ct)));
    }

    [Fact]
    public async Task The_file_keeps_a_write_ahead_log_and_every_connection_waits_for_locks_itself()
    {
        using var file = new TemporaryDatabase();
        using var host = await ServiceDatabases.Payments.StartAsync(file.ConnectionString);

        var (journal, busyTimeout, synchronous) = await ServiceDatabases.Payments.QueryAsync(host, async context =>
        {
            await context.Database.OpenConnectionAsync(Ct);
            return (await PragmaAsync(context, "journal_mode"), await PragmaAsync(context, "busy_timeout"), await PragmaAsync(context, "synchronous"));
        });

        Assert.Equal("wal", journal);
        Assert.Equal(SqliteConnectionTuning.BusyTimeoutMilliseconds.ToString(), busyTimeout);
        Assert.Equal("1", synchronous); // NORMAL
    }

    private static async Task<string> PragmaAsync(DbContext context, string pragma)
    {
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {pragma}";
        return Convert.ToString(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task ExecuteAsync(TemporaryDatabase file, string sql)
    {
        await using var connection = new SqliteConnection(file.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
