using Aspire.Hosting.ApplicationModel;
using ShopAuthDemo.Testing.AppHost;

namespace ShopAuthDemo.EndToEnd.AppHostModel;

/// <summary>
/// Every running project keeps OpenTelemetry's URL query redaction on (Aspire turns it off by default),
/// so authorization codes and ID token hints in URLs never reach the dashboard's traces.
/// Read from each resource's effective environment, as the dashboard shows it.
/// </summary>
public sealed class TelemetryRedactionTests(LocalIdentityAppHost appHost)
{
    private static readonly string[] Switches =
        ["OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION", "OTEL_DOTNET_EXPERIMENTAL_HTTPCLIENT_DISABLE_URL_QUERY_REDACTION"];

    [Fact]
    public void Url_query_redaction_stays_on_in_every_project()
    {
        var projects = appHost.RunningResources.OfType<ProjectResource>().ToList();
        Assert.NotEmpty(projects);

        foreach (var project in projects)
        {
            Assert.True(appHost.App.ResourceNotifications.TryGetCurrentState(project.Name, out var state), $"{project.Name} has no state");
            var environment = state.Snapshot.EnvironmentVariables.Where(variable => variable.IsFromSpec)
                .ToDictionary(variable => variable.Name, variable => variable.Value);
            Assert.All(Switches, name => Assert.Equal("false", environment.GetValueOrDefault(name)));
        }
    }
}
