using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Testing.AppHost;

namespace ShopAuthDemo.EndToEnd.Policies.Support;

/// <summary>The dashboard's Stop and Start buttons, pressed from a test (as the Resilience suite does).</summary>
public static class ResourceCommands
{
    private static readonly string[] StoppedStates = [KnownResourceStates.Exited, KnownResourceStates.Finished];

    public static async Task StopResourceAsync(this AppHostFixture appHost, string resourceName, CancellationToken cancellationToken)
    {
        var result = await appHost.App.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(resourceName, KnownResourceCommands.StopCommand, cancellationToken);
        Assert.True(result.Success, $"Stopping {resourceName} failed: {result.Message}");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        await appHost.App.ResourceNotifications.WaitForResourceAsync(resourceName, StoppedStates, deadline.Token);
    }

    public static async Task StartResourceAsync(this AppHostFixture appHost, string resourceName, CancellationToken cancellationToken)
    {
        var result = await appHost.App.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(resourceName, KnownResourceCommands.StartCommand, cancellationToken);
        Assert.True(result.Success, $"Starting {resourceName} failed: {result.Message}");
        await appHost.App.ResourceNotifications.WaitForResourceHealthyAsync(resourceName, cancellationToken);
    }
}
