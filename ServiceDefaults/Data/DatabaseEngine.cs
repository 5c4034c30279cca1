using System.Data.Common;

namespace ShopAuthDemo.ServiceDefaults.Data;

/// <summary>Which engine a service's connection string names.</summary>
public static class DatabaseEngine
{
    /// <summary>
    /// True for an Npgsql keyword string (<c>Host=...;Database=...</c>), as the AppHost passes in scale-out mode;
    /// a SQLite one (<c>Data Source=...</c>) or none means the embedded default.
    /// </summary>
    public static bool IsPostgreSql(string? connectionString) =>
        !string.IsNullOrWhiteSpace(connectionString)
        && new DbConnectionStringBuilder { ConnectionString = connectionString }.ContainsKey("Host");
}
