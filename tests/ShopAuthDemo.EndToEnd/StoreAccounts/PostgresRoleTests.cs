using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ShopAuthDemo.AppHost.Storage.Accounts;
using ShopAuthDemo.Tests.Support;

namespace ShopAuthDemo.EndToEnd.StoreAccounts;

/// <summary>
/// The PostgreSQL roles the AppHost makes, on the real server (SHOPAUTHDEMO_POSTGRES): a service's role migrates
/// its own database, and is refused at the door of another service's database.
/// </summary>
public sealed class PostgresRoleTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly PostgresRoles _roles = new();
    private PostgresRole _orders = null!;
    private PostgresRole _payments = null!;

    public ValueTask InitializeAsync()
    {
        _orders = _roles.For($"orders-api-{_run}", $"ordersdb_{_run}");
        _payments = _roles.For($"payments-api-{_run}", $"paymentsdb_{_run}");
        return ValueTask.CompletedTask;
    }

    private static string AdminOf(string database) =>
        new NpgsqlConnectionStringBuilder(SharedServers.PostgreSql) { Database = database }.ConnectionString;

    private Task ProvisionAsync() => _roles.ProvisionAsync(SharedServers.PostgreSql, NullLogger.Instance, Ct);

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    [Fact]
    public async Task A_services_role_migrates_and_uses_its_own_database()
    {
        await ProvisionAsync();

        var own = _orders.ConnectionString(SharedServers.PostgreSql);
        await ExecuteAsync(own, "CREATE TABLE orders (id int PRIMARY KEY GENERATED ALWAYS AS IDENTITY, total numeric)");
        await ExecuteAsync(own, "INSERT INTO orders (total) VALUES (12.5)");
        await ExecuteAsync(own, "ALTER TABLE orders ADD COLUMN placed_at timestamptz");
    }

    [Fact]
    public async Task A_services_role_cannot_connect_to_another_services_database()
    {
        await ProvisionAsync();

        var intruder = new NpgsqlConnectionStringBuilder(_orders.ConnectionString(SharedServers.PostgreSql)) { Database = _payments.Database };
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(intruder.ConnectionString, "SELECT 1"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task A_services_role_cannot_create_databases_or_roles()
    {
        await ProvisionAsync();

        var own = _orders.ConnectionString(SharedServers.PostgreSql);
        foreach (var statement in new[] { $"CREATE DATABASE other_{_run}", $"CREATE ROLE other_{_run}" })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(own, statement));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
    }

    [Fact]
    public async Task A_database_left_by_an_earlier_run_keeps_its_data_and_is_handed_to_the_services_role()
    {
        // Before roles, a service made its database as the admin, and its tables belonged to the admin.
        await ExecuteAsync(AdminOf("postgres"), $"CREATE DATABASE \"{_orders.Database}\"");
        await ExecuteAsync(AdminOf(_orders.Database), "CREATE TABLE orders (id serial PRIMARY KEY, total numeric); INSERT INTO orders (total) VALUES (7)");

        await ProvisionAsync();

        var own = _orders.ConnectionString(SharedServers.PostgreSql);
        await ExecuteAsync(own, "ALTER TABLE orders ADD COLUMN placed_at timestamptz"); // a migration: needs ownership
        await ExecuteAsync(own, "INSERT INTO orders (total) SELECT total FROM orders WHERE total = 7");
    }

    [Fact]
    public async Task Provisioning_again_changes_the_password_and_keeps_the_data()
    {
        await ProvisionAsync();
        // Unpooled: a pooled connection, signed in before, would not ask for the password again.
        var before = new NpgsqlConnectionStringBuilder(_orders.ConnectionString(SharedServers.PostgreSql)) { Pooling = false }.ConnectionString;
        await ExecuteAsync(before, "CREATE TABLE kept (id int)");

        var nextRun = new PostgresRoles();
        var again = nextRun.For(_orders.Name, _orders.Database);
        await nextRun.ProvisionAsync(SharedServers.PostgreSql, NullLogger.Instance, Ct);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(before, "SELECT 1"));
        Assert.Equal(PostgresErrorCodes.InvalidPassword, refused.SqlState);
        await ExecuteAsync(again.ConnectionString(SharedServers.PostgreSql), "INSERT INTO kept VALUES (1)");
    }

    public async ValueTask DisposeAsync()
    {
        var admin = Environment.GetEnvironmentVariable(SharedServers.PostgreSqlVariable);
        if (string.IsNullOrWhiteSpace(admin)) return;
        NpgsqlConnection.ClearAllPools();
        var postgres = new NpgsqlConnectionStringBuilder(admin) { Database = "postgres" }.ConnectionString;
        foreach (var role in new[] { _orders, _payments })
        {
            await ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS \"{role.Database}\" WITH (FORCE)");
            await ExecuteAsync(postgres, $"DROP ROLE IF EXISTS \"{role.Name}\"");
        }
    }
}
