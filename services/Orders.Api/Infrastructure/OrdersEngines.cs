using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.ServiceDefaults.Data;

namespace ShopAuthDemo.Orders.Api.Infrastructure;

// EF Core keeps one migration set per context type and each engine needs its own SQL: one subclass per engine,
// with its migrations in Migrations/Sqlite and Migrations/PostgreSql. The service's code knows only OrdersContext.
public sealed class SqliteOrdersContext(DbContextOptions<SqliteOrdersContext> options) : OrdersContext(options);

public sealed class PostgreSqlOrdersContext(DbContextOptions<PostgreSqlOrdersContext> options) : OrdersContext(options);

internal sealed class SqliteOrdersDesignTimeFactory : SqliteDesignTimeFactory<SqliteOrdersContext>;

internal sealed class PostgreSqlOrdersDesignTimeFactory : PostgreSqlDesignTimeFactory<PostgreSqlOrdersContext>;
