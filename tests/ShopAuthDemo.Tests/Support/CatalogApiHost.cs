using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Catalog.Api.Infrastructure;

namespace ShopAuthDemo.Tests.Support;

public sealed class CatalogApiHost : ApiHost<CatalogContext>
{
    public CatalogApiHost() : this(null, new AccessRulesStub())
    {
    }

    // Private: xunit requires a class fixture to have a single public constructor.
    private CatalogApiHost(Action<IServiceCollection>? configureServices, AccessRulesStub rules)
        : base((tokens, database) => new CatalogApiFactory(tokens, database, rules), configureServices) => Rules = rules;

    /// <summary>What policy-api serves this catalog: the seeded rules unless a test publishes others. Kept across restarts.</summary>
    public AccessRulesStub Rules { get; }

    public static CatalogApiHost WithServices(Action<IServiceCollection> configureServices) => new(configureServices, new AccessRulesStub());

    public static CatalogApiHost WithRules(AccessRulesStub rules, Action<IServiceCollection>? configureServices = null) => new(configureServices, rules);
}
