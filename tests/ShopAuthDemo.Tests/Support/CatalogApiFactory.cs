using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Catalog.Api.Infrastructure;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;

namespace ShopAuthDemo.Tests.Support;

// catalog-api reads its access rules from Rules (the seeded ones unless a test says otherwise) instead of policy-api.
public sealed class CatalogApiFactory(TestTokenIssuer tokens, TemporaryDatabase database, AccessRulesStub? rules = null)
    : ApiFactory<CatalogContext>(tokens, new()
    {
        ["Identity:Authority"] = TestTokenIssuer.Authority,
        ["Identity:Audience"] = "catalog-api",
        ["Identity:ClientId"] = "catalog-api",
        ["Identity:ClientSecret"] = "test-catalog-api-secret",
        ["ConnectionStrings:catalogdb"] = database.ConnectionString,
    })
{
    public AccessRulesStub Rules { get; } = rules ?? new AccessRulesStub();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // First, so a test's own services (ApiFactory.ConfigureServices) can still replace it.
        builder.ConfigureTestServices(services => services.AddSingleton<IAccessRulesSource>(Rules));
        base.ConfigureWebHost(builder);
    }
}
