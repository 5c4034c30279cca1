using Microsoft.EntityFrameworkCore;

namespace ShopAuthDemo.Catalog.Api.Infrastructure;

// Creates the schema and seeds an empty catalog. Seeding only when empty keeps price changes
// across restarts. StartingAsync runs before the web server listens, so no request sees no table.
public sealed class CatalogDatabaseInitializer(IServiceScopeFactory scopes) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<CatalogContext>();

        // No migrations tooling in this demo; EnsureCreated is enough for one table.
        await catalog.Database.EnsureCreatedAsync(cancellationToken);
        if (!await catalog.Products.AnyAsync(cancellationToken))
        {
            catalog.Products.AddRange(CatalogSeed.Products());
            await catalog.SaveChangesAsync(cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
