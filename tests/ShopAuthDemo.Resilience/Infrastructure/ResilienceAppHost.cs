using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using ShopAuthDemo.Testing.AppHost;

namespace ShopAuthDemo.Resilience.Infrastructure;

/// <summary>
/// The AppHost with the local identity provider, every resource's console log collected from the start,
/// and request logging with trace ids switched on, so a test can follow one order across the services
/// and search everything they wrote.
/// </summary>
public sealed class ResilienceAppHost() : AppHostFixture("local", "identity-local")
{
    // The services whose request log lines show that a call reached them, and under which trace id.
    private static readonly string[] TracedResources = ["identity-local", "catalog-api", "orders-api", "payments-api", "policy-api", "gateway"];

    private readonly List<ResourceLog> _logs = [];

    /// <summary>Each running resource's console log, from its first line.</summary>
    public IReadOnlyList<ResourceLog> Logs => _logs;

    public ResourceLog LogOf(string resourceName) => _logs.Single(log => log.ResourceName == resourceName);

    // Keycloak's default: the suite's tokens outlive its few minutes, as they would in a real session.
    protected override TimeSpan WebTokenLifespan => TimeSpan.FromMinutes(5);

    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {

        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            var resource = builder.CreateResourceBuilder(project)
                // Scopes carry the trace id (TraceId:...) on every log entry written within a request.
                .WithEnvironment("Logging__Console__FormatterOptions__IncludeScopes", "true");
            if (TracedResources.Contains(project.Name))
            {
                // "Request starting/finished" lines: more logging than the default, so more to search for leaks.
                resource.WithEnvironment("Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics", "Information");
            }
        }
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        // Log streams replay from the start, so nothing written during start-up is missed.
        _logs.AddRange(RunningResources.Select(resource => new ResourceLog(App, resource.Name)));
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var log in _logs) await log.DisposeAsync();
        await base.DisposeAsync();
    }
}
