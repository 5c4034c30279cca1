using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Catalog.Api.Infrastructure;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using ShopAuthDemo.Tests.Support;

namespace ShopAuthDemo.Tests.KeyRotation.Support;

/// <summary>
/// catalog-api in-process, validating tokens exactly as configured in ServiceDefaults: discovery and JWKS
/// come from an in-process Identity.Local. Only the network is swapped, for the counted test server.
/// </summary>
public sealed class CatalogApiTrustingIdentityLocal(MetadataRequestCounter identityProvider) : WebApplicationFactory<CatalogContext>
{
    private readonly TemporaryDatabase database = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Identity:Authority", LocalIdentityProviderFactory.Issuer);
        builder.UseSetting("Identity:Audience", "catalog-api");
        builder.UseSetting("Identity:ClientId", "catalog-api");
        builder.UseSetting("Identity:ClientSecret", "test-catalog-api-secret");
        builder.UseSetting("ConnectionStrings:catalogdb", database.ConnectionString);

        // Configure, not PostConfigure: JwtBearer's own post-configuration still builds the configuration
        // manager (refresh intervals and all) from these options, as it does in production.
        builder.ConfigureTestServices(services =>
        {
            services.Configure<JwtBearerOptions>(
                JwtBearerDefaults.AuthenticationScheme, options => options.BackchannelHttpHandler = identityProvider);
            // Tokens are what these tests are about, not access rules (tests/…/Catalog covers those): none are in force.
            services.AddSingleton<IAccessRulesSource>(new AccessRulesStub(new AccessRulesDocument(1, [])));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        database.Dispose();
    }
}
