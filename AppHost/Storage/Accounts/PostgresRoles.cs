using Microsoft.Extensions.Logging;
using Npgsql;

namespace ShopAuthDemo.AppHost.Storage.Accounts;

/// <summary>
/// The PostgreSQL roles of this run, one per service, made by the AppHost with the admin connection
/// (<c>ConnectionStrings:postgres</c>, or the container's) before any service starts, with each service's database.
/// </summary>
/// <remarks>
/// Only when running: a deployment creates the roles and databases once (a migration job, the platform's users),
/// with the same statements. Data is never dropped: a database left by an earlier run is handed to its role.
/// </remarks>
public sealed class PostgresRoles
{
    private readonly Dictionary<string, PostgresRole> roles = [];

    /// <summary>The role of <paramref name="service"/>, owner of <paramref name="database"/>, made on first use.</summary>
    public PostgresRole For(string service, string database)
    {
        lock (roles)
        {
            return roles.TryGetValue(service, out var role)
                ? role
                : roles[service] = new PostgresRole(service, StorePassword.New(), database);
        }
    }

    public async Task ProvisionAsync(IResourceWithConnectionString server, ILogger logger, CancellationToken cancellationToken) =>
        await ProvisionAsync(await AdminConnection.StringOf(server, cancellationToken), logger, cancellationToken);

    public async Task ProvisionAsync(string adminConnectionString, ILogger logger, CancellationToken cancellationToken)
    {
        PostgresRole[] all;
        lock (roles) all = [.. roles.Values];
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = "postgres" }.ConnectionString);
        await admin.OpenAsync(cancellationToken);
        foreach (var role in all)
        {
            await CreateOrResetRoleAsync(admin, role, cancellationToken);
            var owner = await ScalarAsync<string>(admin, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = $1", cancellationToken, role.Database);
            if (owner is null)
            {
                await ExecuteAsync(admin, $"CREATE DATABASE {Quote(role.Database)} OWNER {Quote(role.Name)}", cancellationToken);
            }
            else if (owner != role.Name)
            {
                await HandOverAsync(adminConnectionString, role, owner, cancellationToken);
                logger.LogWarning(
                    "PostgreSQL: database {Database} belonged to {Owner} (an earlier run, before each service had a role); its tables now belong to role {Role}",
                    role.Database, owner, role.Name);
            }

            // Without this every role may connect to every database (PUBLIC has CONNECT by default).
            await ExecuteAsync(admin, $"REVOKE ALL ON DATABASE {Quote(role.Database)} FROM PUBLIC", cancellationToken);
        }
    }

    // A new password each run: a role left from an earlier run is reset, and its old password stops working.
    private static async Task CreateOrResetRoleAsync(NpgsqlConnection admin, PostgresRole role, CancellationToken cancellationToken)
    {
        var exists = await ScalarAsync<int?>(admin, "SELECT 1 FROM pg_roles WHERE rolname = $1", cancellationToken, role.Name) is not null;
        // The password is hex (StorePassword), so it needs no escaping in the literal; the statement is not logged.
        await ExecuteAsync(admin,
            $"{(exists ? "ALTER" : "CREATE")} ROLE {Quote(role.Name)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '{role.Password}'",
            cancellationToken);
    }

    // The database and every table, view and free-standing sequence in it (a column's sequence follows its table).
    private static async Task HandOverAsync(string adminConnectionString, PostgresRole role, string owner, CancellationToken cancellationToken)
    {
        await using var database = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = role.Database }.ConnectionString);
        await database.OpenAsync(cancellationToken);
        await ExecuteAsync(database, $"ALTER DATABASE {Quote(role.Database)} OWNER TO {Quote(role.Name)}", cancellationToken);
        var statements = new List<string>();
        await using (var query = new NpgsqlCommand(
            """
            SELECT format('ALTER TABLE %I.%I OWNER TO %I', n.nspname, c.relname, $1)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND pg_get_userbyid(c.relowner) = $2
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))
            """, database))
        {
            query.Parameters.Add(new() { Value = role.Name });
            query.Parameters.Add(new() { Value = owner });
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) statements.Add(reader.GetString(0));
        }

        foreach (var statement in statements) await ExecuteAsync(database, statement, cancellationToken);
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.Add(new() { Value = parameter });
        return await command.ExecuteScalarAsync(cancellationToken) is T value ? value : default;
    }
}
