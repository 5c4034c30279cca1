using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ShopAuthDemo.ServiceDefaults.Data;

public static class PostgreSqlDatabase
{
    /// <summary>
    /// Creates the service's database on a server that has not got it yet (Storage:Mode=servers; a container's is made by
    /// Aspire). Two replicas may both find it missing: the one that loses the race finds it made, which is fine.
    /// </summary>
    public static async Task EnsureExistsAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        var creator = database.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken)) return;
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
        }
    }
}
