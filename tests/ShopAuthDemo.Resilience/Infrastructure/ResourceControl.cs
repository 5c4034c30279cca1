using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Testing.AppHost;

namespace ShopAuthDemo.Resilience.Infrastructure;

/// <summary>The dashboard's Stop and Start buttons, pressed from a test.</summary>
public static class ResourceControl
{
    private static readonly string[] StoppedStates = [KnownResourceStates.Exited, KnownResourceStates.Finished];

    public static async Task StopAsync(this AppHostFixture appHost, string resourceName, CancellationToken cancellationToken)
    {
        var result = await appHost.App.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(resourceName, KnownResourceCommands.StopCommand, cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await appHost.App.ResourceNotifications.WaitForResourceAsync(resourceName, StoppedStates, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"{resourceName} did not stop within 60 s (stop command: {result.Success} {result.Message}); {appHost.DescribeStates()}");
        }
    }

    public static async Task StartAsync(this AppHostFixture appHost, string resourceName, CancellationToken cancellationToken)
    {
        await ExecuteAsync(appHost, resourceName, KnownResourceCommands.StartCommand, cancellationToken);
        await appHost.App.ResourceNotifications.WaitForResourceHealthyAsync(resourceName, cancellationToken);
    }

    public static async Task ExecuteAsync(this AppHostFixture appHost, string resourceName, string command, CancellationToken cancellationToken)
    {
        var result = await appHost.App.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(resourceName, command, cancellationToken);
        Assert.True(result.Success, $"'{command}' on {resourceName} failed: {result.Message}");
    }
}
