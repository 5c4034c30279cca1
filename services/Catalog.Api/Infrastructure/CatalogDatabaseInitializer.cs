using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ShopAuthDemo.Catalog.Api.Infrastructure;

// Creates the schema and seeds an empty catalog. Seeding only when empty keeps price changes
// across restarts. StartingAsync runs before the web server listens, so no request sees no table.
public sealed class CatalogDatabaseInitializer(IServiceScopeFactory scopes, ILogger<CatalogDatabaseInitializer> logger)
    : IHostedLifecycleService
{
    // Bump when the model changes. EnsureCreated never alters an existing database, so a demo database of
    // an older shape (version 1 had no Category, and no version stamp) is rebuilt from the seed, losing its
    // price changes; a real service would use EF Core migrations.
    public const int SchemaVersion = 2;

    // SQLite takes no parameters in a PRAGMA; keep the number in step with SchemaVersion.
    private const string StampSchemaVersion = "PRAGMA user_version = 2";

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogContext>();
        var database = catalog.Database;

        if (!await database.EnsureCreatedAsync(cancellationToken) && await ReadSchemaVersionAsync(database, cancellationToken) != SchemaVersion)
        {
            logger.LogWarning("The catalog database has an older shape than schema version {Version}; rebuilding it from the seed", SchemaVersion);
            await database.EnsureDeletedAsync(cancellationToken);
            await database.EnsureCreatedAsync(cancellationToken);
        }

        await database.ExecuteSqlRawAsync(StampSchemaVersion, cancellationToken);
        if (!await catalog.Products.AnyAsync(cancellationToken))
        {
            catalog.Products.AddRange(CatalogSeed.Products());
            await catalog.SaveChangesAsync(cancellationToken);
        }
    }

    private static Task<int> ReadSchemaVersionAsync(DatabaseFacade database, CancellationToken cancellationToken) =>
        database.SqlQueryRaw<int>("SELECT user_version AS Value FROM pragma_user_version").SingleAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
