using ShopAuthDemo.Catalog.Api.Infrastructure;

namespace ShopAuthDemo.Tests.Support;

public sealed class CatalogApiFactory(TestTokenIssuer tokens, TemporaryDatabase database)
    : ApiFactory<CatalogContext>(tokens, new()
    {
        ["Identity:Authority"] = TestTokenIssuer.Authority,
        ["Identity:Audience"] = "catalog-api",
        ["ConnectionStrings:catalogdb"] = database.ConnectionString,
    });
