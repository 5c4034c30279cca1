using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ShopAuthDemo.Payments.Api.Infrastructure;

public static class UniqueConstraintViolation
{
    private const int SqliteConstraintUnique = 2067;

    // The insert lost a race: another request (on this replica or another) stored a payment for the same order first.
    public static bool IsUniqueConstraintViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteConstraintUnique,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
