using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ShopAuthDemo.ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

public static class OpenTelemetryExtensions
{
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(ShopAuthDemo.ServiceDefaults.TokenManagement.TokenManagementMetrics.MeterName)
                .AddMeter(ShopAuthDemo.ServiceDefaults.Authentication.TokenCache.ValidatedTokenCacheMetrics.MeterName)
                .AddRuntimeInstrumentation())
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                // Health probes, identity-provider metadata and access-rule polls would drown real requests. See RoutineRequests.
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = RoutineRequests.ShouldTrace)
                .AddHttpClientInstrumentation(httpClient => httpClient.FilterHttpRequestMessage = RoutineRequests.ShouldTrace));

        // The AppHost sets the endpoint; without it (tests, plain dotnet run) nothing is exported.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }
}
