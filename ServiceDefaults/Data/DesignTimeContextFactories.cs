using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ShopAuthDemo.ServiceDefaults.Data;

// For `dotnet ef migrations add` only: a context per engine without a running host or a server (adding a
// migration opens no connection). Each service declares one derived factory per engine, which dotnet ef finds
// in its assembly. From a service's folder, e.g. services/Orders.Api:
//   dotnet ef migrations add <Name> --context SqliteOrdersContext --output-dir Migrations/Sqlite
//   dotnet ef migrations add <Name> --context PostgreSqlOrdersContext --output-dir Migrations/PostgreSql

public abstract class SqliteDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        (TContext)Activator.CreateInstance(typeof(TContext),
            new DbContextOptionsBuilder<TContext>().UseSqlite("Data Source=design-time.db").Options)!;
}

public abstract class PostgreSqlDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        (TContext)Activator.CreateInstance(typeof(TContext),
            new DbContextOptionsBuilder<TContext>().UseNpgsql("Host=design-time;Database=design-time").Options)!;
}
