using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace ShopAuthDemo.ServiceDefaults.Data;

/// <summary>The embedded default's database file, made ready for migrations.</summary>
public static class SqliteFile
{
    private const string MigrationsHistory = "__EFMigrationsHistory";

    /// <summary>Rebuilds a file from before migrations, and turns on write-ahead logging.</summary>
    /// <remarks>
    /// A file made before migrations (tables, but no history of them) cannot be migrated: it is rebuilt, losing its
    /// data, as the schema-stamp initializers did with a file of an older shape. Only for SQLite: a PostgreSQL
    /// database is never dropped.
    /// </remarks>
    public static async Task PrepareAsync(DatabaseFacade database, ILogger logger, CancellationToken cancellationToken)
    {
        var tables = await database
            .SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .ToListAsync(cancellationToken);
        if (tables.Count > 0 && !tables.Contains(MigrationsHistory))
        {
            logger.LogWarning("The SQLite file {File} was made before migrations; rebuilding it without its data",
                database.GetDbConnection().DataSource);
            await database.EnsureDeletedAsync(cancellationToken);
        }

        // Write-ahead log: readers go on while one connection writes, and a commit appends instead of rewriting
        // pages. A property of the file: set once, it stays.
        await database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL", cancellationToken);
    }
}
