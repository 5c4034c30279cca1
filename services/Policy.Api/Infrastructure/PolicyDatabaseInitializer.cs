using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ShopAuthDemo.Policy.Api.Rules;

namespace ShopAuthDemo.Policy.Api.Infrastructure;

// Creates the schema and seeds the rules on first start. StartingAsync runs before the web server
// listens, so no service ever reads an empty rule set that is merely not seeded yet.
public sealed class PolicyDatabaseInitializer(IServiceScopeFactory scopes, ILogger<PolicyDatabaseInitializer> logger)
    : IHostedLifecycleService
{
    // Bump when the model or the seed changes. EnsureCreated never alters an existing database and the seed
    // is written only into a new one, so a demo database of an older shape is rebuilt (its rules and audit
    // log are dropped and the seed returns); a real service would use EF Core migrations.
    // 2: the seed's company rule (rule 5), so existing demo databases show it too.
    public const int SchemaVersion = 2;

    // SQLite takes no parameters in a PRAGMA; keep the number in step with SchemaVersion.
    private const string StampSchemaVersion = "PRAGMA user_version = 2";

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var policy = scope.ServiceProvider.GetRequiredService<PolicyContext>();
        var database = policy.Database;

        if (!await database.EnsureCreatedAsync(cancellationToken) && await ReadSchemaVersionAsync(database, cancellationToken) != SchemaVersion)
        {
            logger.LogWarning("The policy database has an older shape than schema version {Version}; rebuilding it with the seed rules", SchemaVersion);
            await database.EnsureDeletedAsync(cancellationToken);
            await database.EnsureCreatedAsync(cancellationToken);
        }

        await database.ExecuteSqlRawAsync(StampSchemaVersion, cancellationToken);

        // The version row exists exactly when the rules were seeded: seeding only then keeps an admin's
        // changes (even deleting every rule, were that possible) across restarts.
        if (!await policy.Versions.AnyAsync(cancellationToken))
        {
            policy.Rules.AddRange(RuleSeed.Rules());
            policy.Versions.Add(new RulesVersion { Version = 1 });
            await policy.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Seeded {Count} access rules (version 1)", RuleSeed.Rules().Count);
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
