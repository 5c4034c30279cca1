using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ShopAuthDemo.Gateway.Headers;

/// <summary>
/// Behind a reverse proxy or load balancer every request comes from the proxy's address, so all anonymous
/// callers would share one rate-limit budget. Naming the proxies lets the gateway take the caller's address
/// from X-Forwarded-For, but only from them: without a list the header is ignored, because anyone can send
/// it, and believing it would let each request pick a fresh budget.
/// </summary>
// "Gateway": { "ForwardedHeaders": { "KnownProxies": [ "10.0.0.5" ] } } — empty (the default) outside such a set-up.
public static class KnownProxies
{
    public const string SectionName = "Gateway:ForwardedHeaders:KnownProxies";

    public static TBuilder AddKnownProxies<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var proxies = builder.Configuration.GetSection(SectionName).GetChildren()
            .Select(proxy => IPAddress.TryParse(proxy.Value, out var address)
                ? address
                : throw new InvalidOperationException($"{SectionName}: '{proxy.Value}' is not an IP address."))
            .ToList();

        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the listed proxies; not the loopback defaults, and every hop must be one of them.
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
            options.ForwardLimit = null;
        });
        return builder;
    }

    public static WebApplication UseKnownProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value.KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        return app;
    }
}
