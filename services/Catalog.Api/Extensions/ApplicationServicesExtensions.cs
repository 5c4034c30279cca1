using ShopAuthDemo.Catalog.Api.Authorization;
using ShopAuthDemo.Catalog.Api.Infrastructure;
using ShopAuthDemo.Catalog.Api.PolicyInformationPoint;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.Catalog.Api.Extensions;

public static class ApplicationServicesExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // PostgreSQL when the AppHost scales out, else a SQLite file, so a price change survives a restart.
        builder.AddServiceDatabase<CatalogContext, SqliteCatalogContext, PostgreSqlCatalogContext>(
            "catalogdb", defaultSqliteFile: "catalog.db", seed: CatalogSeed.SeedAsync);

        // Price changes are decided by the access rules of policy-api, on the change as the resource.
        builder.AddAccessRules<PriceChangeSource>(AccessActions.ChangePrice);
        builder.Services.AddAuthorizationBuilder().AddCatalogPolicies();
    }
}
