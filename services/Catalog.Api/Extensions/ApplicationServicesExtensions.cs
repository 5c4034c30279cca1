using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.Catalog.Api.Authorization;
using ShopAuthDemo.Catalog.Api.Infrastructure;

namespace ShopAuthDemo.Catalog.Api.Extensions;

public static class ApplicationServicesExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // A file, not :memory:, so a price change survives a restart.
        var connectionString = builder.Configuration.GetConnectionString("catalogdb")
            ?? $"Data Source={Path.Combine(builder.Environment.ContentRootPath, "catalog.db")}";

        builder.Services.AddDbContext<CatalogContext>(options => options.UseSqlite(connectionString));
        builder.Services.AddHostedService<CatalogDatabaseInitializer>();

        builder.Services.AddAuthorizationBuilder().AddCatalogPolicies();
    }
}
