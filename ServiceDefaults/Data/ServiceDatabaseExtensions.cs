using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.ServiceDefaults.Data;

namespace Microsoft.Extensions.Hosting;

public static class ServiceDatabaseExtensions
{
    /// <summary>
    /// The service's database, resolved as <typeparamref name="TContext"/>: PostgreSQL when
    /// <c>ConnectionStrings:{connectionName}</c> holds a <c>Host=</c> (scale-out: every replica shares it), otherwise
    /// a SQLite file (the embedded default). The schema comes from that engine's migrations and the seed follows,
    /// both before the server listens (<see cref="DatabaseMigrator{TContext}"/>).
    /// </summary>
    /// <remarks>
    /// EF Core keeps one migration set per context type, and each engine needs its own SQL: hence one subclass of
    /// the service's context per engine, with its migrations in <c>Migrations/Sqlite</c> and <c>Migrations/PostgreSql</c>.
    /// </remarks>
    public static void AddServiceDatabase<TContext, TSqliteContext, TPostgreSqlContext>(
        this IHostApplicationBuilder builder, string connectionName, string defaultSqliteFile,
        Func<TContext, CancellationToken, Task>? seed = null)
        where TContext : DbContext
        where TSqliteContext : TContext
        where TPostgreSqlContext : TContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName);
        if (DatabaseEngine.IsPostgreSql(connectionString))
        {
            // Aspire's client integration: pooled contexts, a health check, traces, and retries of transient
            // failures (so an explicit transaction must run inside Database.CreateExecutionStrategy()).
            builder.AddNpgsqlDbContext<TPostgreSqlContext>(connectionName);
            builder.Services.AddScoped<TContext>(services => services.GetRequiredService<TPostgreSqlContext>());
        }
        else
        {
            // A file, not :memory:, so the data survives a restart.
            connectionString ??= $"Data Source={Path.Combine(builder.Environment.ContentRootPath, defaultSqliteFile)}";
            builder.Services.AddDbContext<TContext, TSqliteContext>(options => options
                .UseSqlite(connectionString)
                .AddInterceptors(SqliteConnectionTuning.Instance));
        }

        if (seed is not null)
        {
            builder.Services.AddSingleton(new DatabaseSeed<TContext>(seed));
        }

        builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
    }
}
