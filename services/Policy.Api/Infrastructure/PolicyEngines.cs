using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.ServiceDefaults.Data;

namespace ShopAuthDemo.Policy.Api.Infrastructure;

// EF Core keeps one migration set per context type and each engine needs its own SQL: one subclass per engine,
// with its migrations in Migrations/Sqlite and Migrations/PostgreSql. The service's code knows only PolicyContext.
public sealed class SqlitePolicyContext(DbContextOptions<SqlitePolicyContext> options) : PolicyContext(options);

public sealed class PostgreSqlPolicyContext(DbContextOptions<PostgreSqlPolicyContext> options) : PolicyContext(options);

internal sealed class SqlitePolicyDesignTimeFactory : SqliteDesignTimeFactory<SqlitePolicyContext>;

internal sealed class PostgreSqlPolicyDesignTimeFactory : PostgreSqlDesignTimeFactory<PostgreSqlPolicyContext>;
