using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Payments.Api.Infrastructure;

namespace ShopAuthDemo.Tests.Support;

// Payments.Api in-process; PaymentsContext only marks the assembly (see CatalogApiFactory).
public sealed class PaymentsApiFactory(TestTokenIssuer tokens, TemporaryDatabase database)
    : WebApplicationFactory<PaymentsContext>
{
    // Settings read by Program before the host is built; remove one to test fail-fast.
    public Dictionary<string, string> Settings { get; } = new()
    {
        ["Identity:Authority"] = TestTokenIssuer.Authority,
        ["Identity:Audience"] = "payments-api",
        ["ConnectionStrings:paymentsdb"] = database.ConnectionString,
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
