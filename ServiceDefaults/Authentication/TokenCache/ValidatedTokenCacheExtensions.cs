using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ShopAuthDemo.ServiceDefaults.Authentication.TokenCache;

public static class ValidatedTokenCacheExtensions
{
    /// <summary>
    /// Puts a <see cref="ValidatedTokenCache"/> in front of the JWT bearer scheme's token handler, unless
    /// Identity:TokenCache:Enabled is false.
    /// </summary>
    public static void AddValidatedTokenCache(this IHostApplicationBuilder builder, string scheme)
    {
        var options = builder.Configuration.GetSection(ValidatedTokenCacheOptions.SectionName).Get<ValidatedTokenCacheOptions>()
            ?? new ValidatedTokenCacheOptions();
        if (!options.Enabled)
        {
            return;
        }

        builder.Services.AddMetrics();
        builder.Services.AddSingleton<ValidatedTokenCacheMetrics>();
        builder.Services.AddKeyedSingleton(scheme, (services, _) =>
            new ValidatedTokenCache(options, services.GetService<TimeProvider>() ?? TimeProvider.System));

        builder.Services.AddOptions<JwtBearerOptions>(scheme)
            .Configure<IServiceProvider>((jwtBearer, services) =>
            {
                var handler = new CachingJsonWebTokenHandler(
                    services.GetRequiredKeyedService<ValidatedTokenCache>(scheme),
                    options,
                    services.GetService<TimeProvider>() ?? TimeProvider.System,
                    services.GetRequiredService<ValidatedTokenCacheMetrics>())
                {
                    // The same claim names as the handler it replaces (Keycloak's "sub", "scope", ...).
                    MapInboundClaims = jwtBearer.MapInboundClaims,
                };
                jwtBearer.TokenHandlers.Clear();
                jwtBearer.TokenHandlers.Add(handler);
            });
    }
}
