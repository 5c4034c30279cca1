namespace ShopAuthDemo.AppHost.Telemetry;

internal static class DashboardTraceLinks
{
    /// <summary>
    /// The shop's order confirmation links to the dashboard's view of that order's trace; the dashboard listens on
    /// the AppHost's own address (launchSettings.json, applicationUrl), which the shop cannot know by itself.
    /// </summary>
    /// <remarks>Nothing under Aspire.Hosting.Testing, which runs no dashboard: the shop then shows the trace id only.</remarks>
    public static IDistributedApplicationBuilder LinkOrdersToTheirTraces(this IDistributedApplicationBuilder builder)
    {
        var dashboard = builder.Configuration["ASPNETCORE_URLS"]?.Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
        if (string.IsNullOrEmpty(dashboard) || builder.ExecutionContext.IsPublishMode) return builder;

        foreach (var shop in builder.Resources.OfType<ProjectResource>().Where(project => project.Name == "shop-web"))
        {
            builder.CreateResourceBuilder(shop).WithEnvironment("Telemetry__DashboardUrl", dashboard);
        }
        return builder;
    }
}
