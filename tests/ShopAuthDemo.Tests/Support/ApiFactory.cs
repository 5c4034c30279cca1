using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ShopAuthDemo.Tests.Support;

// One API in-process, trusting a test token issuer. The type argument only has to live in the API's
// assembly; a DbContext is used instead of Program to avoid clashing with the other services' Program classes.
public class ApiFactory<TEntryPoint>(TestTokenIssuer tokens, Dictionary<string, string> settings)
    : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    // Settings read by Program before the host is built; remove one to test fail-fast.
    public Dictionary<string, string> Settings { get; } = settings;

    // More settings on top, read when the host is built (ApiHost keeps a test's across restarts).
    public IReadOnlyDictionary<string, string> MoreSettings { get; set; } = new Dictionary<string, string>();

    // What stands in for the API's neighbours (the services it calls), before a test's own services.
    public Action<IServiceCollection>? TestDoubles { get; init; }

    public Action<IServiceCollection>? ConfigureServices { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings.Concat(MoreSettings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            tokens.TrustedBy(services);
            TestDoubles?.Invoke(services);
            ConfigureServices?.Invoke(services);
        });
    }
}
