using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Catalog.Api.Infrastructure;

namespace ShopAuthDemo.Tests.Support;

public sealed class CatalogApiHost : ApiHost<CatalogContext>
{
    public CatalogApiHost() : this(null)
    {
    }

    // Private: xunit requires a class fixture to have a single public constructor.
    private CatalogApiHost(Action<IServiceCollection>? configureServices)
        : base((tokens, database) => new CatalogApiFactory(tokens, database), configureServices)
    {
    }

    public static CatalogApiHost WithServices(Action<IServiceCollection> configureServices) => new(configureServices);
}
