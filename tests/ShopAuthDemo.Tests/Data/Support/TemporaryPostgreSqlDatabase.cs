using Npgsql;
using ShopAuthDemo.Tests.Support;

namespace ShopAuthDemo.Tests.Data.Support;

// An empty database of its own on the shared PostgreSQL server, as the AppHost creates one; dropped afterwards.
public sealed class TemporaryPostgreSqlDatabase : IAsyncDisposable
{
    private readonly string server;

    private TemporaryPostgreSqlDatabase(string server) => this.server = server;

    public string Name { get; } = $"shopauthdemo_test_{Guid.NewGuid():N}";

    public string ConnectionString => $"{server};Database={Name}";

    public static async Task<TemporaryPostgreSqlDatabase> CreateAsync()
    {
        var database = new TemporaryPostgreSqlDatabase(SharedServers.PostgreSql);
        await database.OnServerAsync($"CREATE DATABASE \"{database.Name}\"");
        return database;
    }

    /// <summary>A name for a database that does not exist yet: the service must create it (Storage:Mode=servers).</summary>
    public static TemporaryPostgreSqlDatabase NotYetCreated() => new(SharedServers.PostgreSql);

    public async ValueTask DisposeAsync()
    {
        // Pooled connections keep the database in use.
        NpgsqlConnection.ClearAllPools();
        await OnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private async Task OnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection($"{server};Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
