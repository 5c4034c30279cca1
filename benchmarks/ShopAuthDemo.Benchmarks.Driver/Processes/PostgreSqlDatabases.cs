using Npgsql;

namespace ShopAuthDemo.Benchmarks.Driver.Processes;

/// <summary>
/// Fresh databases on the PostgreSQL server for one set of services, named for this run so that nothing an
/// earlier run (or a test) left behind is measured; dropped when the set is done with them.
/// </summary>
public sealed class PostgreSqlDatabases(string server) : IAsyncDisposable
{
    private readonly string runName = $"shopauthdemo_bench_{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid().ToString("N")[..6]}";
    private readonly List<string> created = [];

    /// <summary>An empty database; the service creates its schema with its PostgreSQL migrations, as under the AppHost.</summary>
    /// <returns>What the AppHost would pass as ConnectionStrings:&lt;name&gt;db: the server with Database=.</returns>
    public async Task<string> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var database = $"{runName}_{name}";
        await ExecuteAsync($"CREATE DATABASE \"{database}\"", cancellationToken);
        created.Add(database);
        return new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        // FORCE: a pooled connection of a service that has not quite exited would otherwise block the drop.
        foreach (var database in created)
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", CancellationToken.None);
        created.Clear();
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        // The server's own maintenance database: the role's default (its name) need not exist.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
