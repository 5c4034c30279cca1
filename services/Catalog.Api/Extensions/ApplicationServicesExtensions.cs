using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.Catalog.Api.Authorization;
using ShopAuthDemo.Catalog.Api.Infrastructure;
using ShopAuthDemo.Catalog.Api.PolicyInformationPoint;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

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

        // Price changes are decided by the access rules of policy-api, on the change as the resource.
        builder.AddAccessRules<PriceChangeSource>(AccessActions.ChangePrice);
        builder.Services.AddAuthorizationBuilder().AddCatalogPolicies();
    }
}
