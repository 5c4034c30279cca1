using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Catalog.Api.Infrastructure;

namespace ShopAuthDemo.Tests.Support;

// Catalog.Api in-process. The type argument only has to live in Catalog.Api's assembly; using
// CatalogContext instead of Program avoids clashing with the other services' Program classes.
public sealed class CatalogApiFactory(TestTokenIssuer tokens, TemporaryDatabase database)
    : WebApplicationFactory<CatalogContext>
{
    // Settings read by Program before the host is built; remove one to test fail-fast.
    public Dictionary<string, string> Settings { get; } = new()
    {
        ["Identity:Authority"] = TestTokenIssuer.Authority,
        ["Identity:Audience"] = "catalog-api",
        ["ConnectionStrings:catalogdb"] = database.ConnectionString,
    };

    public Action<IServiceCollection>? ConfigureServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            tokens.TrustedBy(services);
            ConfigureServices?.Invoke(services);
        });
    }
}
