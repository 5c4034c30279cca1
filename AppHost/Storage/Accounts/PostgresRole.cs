using Npgsql;

namespace ShopAuthDemo.AppHost.Storage.Accounts;

/// <summary>
/// One service's PostgreSQL role: it may log in and owns the service's database, nothing more (no SUPERUSER,
/// CREATEDB or CREATEROLE). Another service's database refuses it at the door: CONNECT is revoked from PUBLIC.
/// </summary>
/// <param name="Name">The service's resource name (catalog-api, keycloak).</param>
public sealed record PostgresRole(string Name, string Password, string Database)
{
    /// <summary>The admin's connection string (host, port, TLS) with this role, its password and its database.</summary>
    public string ConnectionString(string adminConnectionString) =>
        new NpgsqlConnectionStringBuilder(adminConnectionString) { Username = Name, Password = Password, Database = Database }.ConnectionString;
}
