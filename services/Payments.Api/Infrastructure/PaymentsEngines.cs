using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.ServiceDefaults.Data;

namespace ShopAuthDemo.Payments.Api.Infrastructure;

// EF Core keeps one migration set per context type and each engine needs its own SQL: one subclass per engine,
// with its migrations in Migrations/Sqlite and Migrations/PostgreSql. The service's code knows only PaymentsContext.
public sealed class SqlitePaymentsContext(DbContextOptions<SqlitePaymentsContext> options) : PaymentsContext(options);

public sealed class PostgreSqlPaymentsContext(DbContextOptions<PostgreSqlPaymentsContext> options) : PaymentsContext(options);

internal sealed class SqlitePaymentsDesignTimeFactory : SqliteDesignTimeFactory<SqlitePaymentsContext>;

internal sealed class PostgreSqlPaymentsDesignTimeFactory : PostgreSqlDesignTimeFactory<PostgreSqlPaymentsContext>;
