using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;

namespace Microsoft.Extensions.Hosting;

// Aspire's service defaults: telemetry, health, service discovery and resilient HttpClients.
public static class Extensions
{
    internal const string HealthEndpointPath = "/health";
    internal const string AlivenessEndpointPath = "/alive";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        // Redis when the AppHost references one (replicas share keys and caches), this process otherwise. See SharedState/.
        builder.AddSharedState();

        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // A retried POST is not harmless here: an authorization code can be redeemed only once,
            // and a retried token or token-exchange request may mint a second token or fail with
            // invalid_grant. Only safe methods (GET, HEAD, ...) are retried.
            http.AddStandardResilienceHandler(resilience => resilience.Retry.DisableForUnsafeHttpMethods());
            http.AddServiceDiscovery();
        });

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);

        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Mapped in every environment because the AppHost probes them. They answer only
        // "Healthy"/"Unhealthy": no check names, exceptions or versions that would help an attacker.
        app.MapHealthChecks(HealthEndpointPath);
        app.MapHealthChecks(AlivenessEndpointPath, new() { Predicate = check => check.Tags.Contains("live") });

        return app;
    }
}
