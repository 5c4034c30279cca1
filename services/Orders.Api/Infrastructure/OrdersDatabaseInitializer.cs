using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ShopAuthDemo.Orders.Api.Infrastructure;

// StartingAsync runs before the web server listens, so no request arrives before the table exists.
public sealed class OrdersDatabaseInitializer(IServiceScopeFactory scopes, ILogger<OrdersDatabaseInitializer> logger)
    : IHostedLifecycleService
{
    // Bump when the model changes. EnsureCreated never alters an existing database, so a demo database
    // of an older shape is rebuilt (its orders are dropped); a real service would use EF Core migrations.
    public const int SchemaVersion = 2;

    // SQLite takes no parameters in a PRAGMA; keep the number in step with SchemaVersion.
    private const string StampSchemaVersion = "PRAGMA user_version = 2";

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<OrdersContext>().Database;

        if (!await database.EnsureCreatedAsync(cancellationToken) && await ReadSchemaVersionAsync(database, cancellationToken) != SchemaVersion)
        {
            logger.LogWarning("The orders database has an older shape than schema version {Version}; rebuilding it without its orders", SchemaVersion);
            await database.EnsureDeletedAsync(cancellationToken);
            await database.EnsureCreatedAsync(cancellationToken);
        }

        await database.ExecuteSqlRawAsync(StampSchemaVersion, cancellationToken);
    }

    private static Task<int> ReadSchemaVersionAsync(DatabaseFacade database, CancellationToken cancellationToken) =>
        database.SqlQueryRaw<int>("SELECT user_version AS Value FROM pragma_user_version").SingleAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
