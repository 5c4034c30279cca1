using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ShopAuthDemo.ServiceDefaults.Data;

/// <summary>
/// Applies the pending migrations, then the seed, before the web server listens (StartingAsync), so no request
/// sees a missing table or an unseeded one. Replicas starting together are safe: EF Core takes a migrations lock, and
/// the seed one of its own (<see cref="DatabaseSeed{TContext}"/>).
/// </summary>
public sealed class DatabaseMigrator<TContext>(IServiceScopeFactory scopes, ILogger<DatabaseMigrator<TContext>> logger)
    : IHostedLifecycleService where TContext : DbContext
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var database = context.Database;
        var connection = database.GetDbConnection();

        // Which engine, where: host and database, or the file; never the password.
        var engine = database.IsSqlite() ? "SQLite" : "PostgreSQL";
        logger.LogInformation("{Context} uses {Engine} at {DataSource} (database {Database})",
            typeof(TContext).Name, engine, connection.DataSource, connection.Database);

        if (database.IsSqlite())
        {
            await SqliteFile.PrepareAsync(database, logger, cancellationToken);
        }

        await database.MigrateAsync(cancellationToken);
        if (scope.ServiceProvider.GetService<DatabaseSeed<TContext>>() is { } seed)
        {
            await seed.WriteAsync(context, cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
