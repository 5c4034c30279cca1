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
        // Fail at start-up with the setting's name, not with every request refused later.
        if (options.MaxEntries < 2 || options.MaxEntryLifetime <= TimeSpan.Zero || options.MaxEntryLifetime > TimeSpan.FromHours(1))
        {
            throw new InvalidOperationException(
                $"{ValidatedTokenCacheOptions.SectionName}: MaxEntries must be at least 2 and MaxEntryLifetime between 0 and 1 hour " +
                $"(got {options.MaxEntries} and {options.MaxEntryLifetime}).");
        }
        // Thousands of held requests would give back the amplifier the limit is there to cap.
        if (options.MaxWaitingForNewKey is < 1 or > 1_000)
        {
            throw new InvalidOperationException(
                $"{ValidatedTokenCacheOptions.SectionName}: MaxWaitingForNewKey must be between 1 and 1000 (got {options.MaxWaitingForNewKey}).");
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
                    services.GetRequiredService<ValidatedTokenCacheMetrics>(),
                    jwtBearer.RefreshInterval)
                {
                    // The same claim names as the handler it replaces (Keycloak's "sub", "scope", ...).
                    MapInboundClaims = jwtBearer.MapInboundClaims,
                };
                jwtBearer.TokenHandlers.Clear();
                jwtBearer.TokenHandlers.Add(handler);
            });
    }
}
