using System.Diagnostics;

namespace ShopAuthDemo.Shop.Web.Telemetry;

/// <summary>
/// The span "Place order": the root of the one trace an order makes, from the shop through orders-api, the
/// identity provider (when a token is exchanged), catalog-api and payments-api. The confirmation shows its trace
/// id, and links to the dashboard's view of it when the AppHost says where the dashboard is.
/// </summary>
// "Telemetry": { "DashboardUrl": "http://localhost:15080" } (optional; set by the AppHost).
public sealed class OrderTracing(IHostEnvironment environment, IConfiguration configuration) : IDisposable
{
    // ServiceDefaults traces the source named after the application (Telemetry/OpenTelemetryExtensions.cs).
    private readonly ActivitySource _source = new(environment.ApplicationName);
    private readonly string? _dashboardUrl = configuration["Telemetry:DashboardUrl"]?.TrimEnd('/');

    /// <returns>Null when nothing records traces (tests, no exporter listening).</returns>
    public Activity? StartPlaceOrder()
    {
        // A click in a Blazor circuit runs inside the /_blazor connection's request, which lasts as long as the
        // browser tab: the order starts a trace of its own instead of becoming one more child of that request.
        Activity.Current = null;
        return _source.StartActivity("Place order", ActivityKind.Internal);
    }

    /// <summary>The dashboard's page for the trace, or null when the dashboard's address is not known.</summary>
    public string? DashboardLinkFor(string traceId) =>
        _dashboardUrl is null ? null : $"{_dashboardUrl}/traces/detail/{traceId}";

    public void Dispose() => _source.Dispose();
}
