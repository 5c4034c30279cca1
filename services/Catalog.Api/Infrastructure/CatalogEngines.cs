using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.ServiceDefaults.Data;

namespace ShopAuthDemo.Catalog.Api.Infrastructure;

// EF Core keeps one migration set per context type and each engine needs its own SQL: one subclass per engine,
// with its migrations in Migrations/Sqlite and Migrations/PostgreSql. The service's code knows only CatalogContext.
public sealed class SqliteCatalogContext(DbContextOptions<SqliteCatalogContext> options) : CatalogContext(options);

public sealed class PostgreSqlCatalogContext(DbContextOptions<PostgreSqlCatalogContext> options) : CatalogContext(options);

internal sealed class SqliteCatalogDesignTimeFactory : SqliteDesignTimeFactory<SqliteCatalogContext>;

internal sealed class PostgreSqlCatalogDesignTimeFactory : PostgreSqlDesignTimeFactory<PostgreSqlCatalogContext>;
