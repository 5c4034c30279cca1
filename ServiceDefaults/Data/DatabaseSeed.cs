using Microsoft.EntityFrameworkCore;

namespace ShopAuthDemo.ServiceDefaults.Data;

/// <summary>
/// A service's first data (products, rules), written once however many replicas start at once: the seed checks
/// before it inserts, in a transaction that only one replica at a time can hold.
/// </summary>
/// <remarks>
/// EF Core's own migrations lock does not cover UseAsyncSeeding on PostgreSQL (two replicas seeded twice in our
/// tests), so the seed takes a lock of its own: a PostgreSQL advisory lock, released with the transaction; on
/// SQLite the transaction itself (BEGIN IMMEDIATE) takes the file's write lock.
/// </remarks>
public sealed class DatabaseSeed<TContext>(Func<TContext, CancellationToken, Task> seed) where TContext : DbContext
{
    // Any number will do: one database holds one service's data, and advisory locks belong to a database.
    private const long SeedLock = 0x5EED;

    public Task WriteAsync(TContext context, CancellationToken cancellationToken) =>
        context.Database.CreateExecutionStrategy().ExecuteAsync(async attemptCancellation =>
        {
            context.ChangeTracker.Clear();
            await using var transaction = await context.Database.BeginTransactionAsync(attemptCancellation);
            if (context.Database.IsNpgsql())
            {
                await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SeedLock})", attemptCancellation);
            }

            await seed(context, attemptCancellation);
            await transaction.CommitAsync(attemptCancellation);
        }, cancellationToken);
}
