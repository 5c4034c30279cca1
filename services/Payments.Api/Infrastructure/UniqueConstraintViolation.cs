using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ShopAuthDemo.Payments.Api.Infrastructure;

public static class UniqueConstraintViolation
{
    private const int SqliteConstraintUnique = 2067;

    // The insert lost a race: another request stored a payment for the same order first.
    public static bool IsUniqueConstraintViolation(this DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique };
}
