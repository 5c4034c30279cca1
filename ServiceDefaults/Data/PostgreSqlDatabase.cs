using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ShopAuthDemo.ServiceDefaults.Data;

public static class PostgreSqlDatabase
{
    /// <summary>
    /// Creates the service's database on a server that has not got it yet, when the service's role may (the AppHost makes
    /// each service's database, owned by its role, before the service starts; this covers a role with CREATEDB). Two
    /// replicas may both find it missing: the one that loses the race finds it made, which is fine.
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
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.InsufficientPrivilege)
        {
            // A service's own role may not create databases (least privilege): whoever made the role makes its database.
            var connection = database.GetDbConnection();
            throw new InvalidOperationException(
                $"The database '{connection.Database}' does not exist on {connection.DataSource}, and this service's role may not create it. " +
                "Create it owned by the service's role (the AppHost does this when it runs; a deployment does it once), then start the service again.",
                exception);
        }
    }
}
