using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Testing.AppHost;

namespace ShopAuthDemo.ScaleOut.Infrastructure;

/// <summary>The replicas of a resource, and the dashboard's Stop and Start buttons on one of them.</summary>
public static class Replicas
{
    public static readonly string[] Replicated = ["catalog-api", "orders-api", "payments-api", "policy-api", "gateway", "shop-web", "backoffice-web"];

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>The names Aspire gave the replicas (e.g. shop-web-abcd1234), in a stable order.</summary>
    public static IReadOnlyList<string> ReplicasOf(this ScaleOutAppHost appHost, string resource) =>
        [.. appHost.ReplicaIds.Where(pair => pair.Value == resource).Select(pair => pair.Key).Order(StringComparer.Ordinal)];

    public static async Task StopReplicaAsync(this ScaleOutAppHost appHost, string replica, CancellationToken cancellationToken)
    {
        await ExecuteAsync(appHost, replica, KnownResourceCommands.StopCommand, cancellationToken);
        await WaitUntilAsync(appHost, replica, s => s.State?.Text is "Exited" or "Finished", "stopped", cancellationToken);
    }

    public static async Task StartReplicaAsync(this ScaleOutAppHost appHost, string replica, CancellationToken cancellationToken)
    {
        await ExecuteAsync(appHost, replica, KnownResourceCommands.StartCommand, cancellationToken);
        await WaitUntilAsync(appHost, replica, IsHealthy, "healthy", cancellationToken);
    }

    public static async Task WaitForEveryReplicaHealthyAsync(this ScaleOutAppHost appHost, string resource, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (appHost.ReplicasOf(resource).Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(250, cancellationToken);
        var replicas = appHost.ReplicasOf(resource);
        Assert.True(replicas.Count == 2, $"{resource} has {replicas.Count} replicas, not 2: {string.Join(", ", replicas)}");
        foreach (var replica in replicas) await WaitUntilAsync(appHost, replica, IsHealthy, "healthy", cancellationToken);
    }

    private static bool IsHealthy(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.Running && snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy;

    private static async Task ExecuteAsync(AppHostFixture appHost, string replica, string command, CancellationToken cancellationToken)
    {
        var result = await appHost.App.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(replica, command, cancellationToken);
        Assert.True(result.Success, $"'{command}' on {replica} failed: {result.Message}");
    }

    private static async Task WaitUntilAsync(AppHostFixture appHost, string replica, Func<CustomResourceSnapshot, bool> condition,
        string what, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (appHost.App.ResourceNotifications.TryGetCurrentState(replica, out var current) && condition(current.Snapshot)) return;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"{replica} was not {what} within {Patience.TotalSeconds:0} s: {current?.Snapshot.State?.Text}/{current?.Snapshot.HealthStatus}");
            await Task.Delay(250, cancellationToken);
        }
    }
}
