using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Benchmarks.Driver.Report;
using ShopAuthDemo.Benchmarks.Driver.Settings;

namespace ShopAuthDemo.Benchmarks.Driver.Measurements;

/// <summary>
/// The real AppHost, with the local identity provider, from nothing running to every resource healthy,
/// started with Aspire.Hosting.Testing as the end-to-end tests start it: "healthy" is what the AppHost's own
/// health checks report (what the dashboard shows), there is no dashboard to start, and proxied ports are
/// chosen per run, so only the web apps' fixed ports (7100, 7200) must be free.
/// </summary>
public static class ColdStart
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private static readonly string[] AppHostArguments =
    [
        "Identity:Provider=local",
        // Warnings only: every resource's output, and the health probes that fail until each service
        // listens, would bury the benchmark's own lines.
        "Logging:LogLevel:Default=Warning",
        "Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks=None",
    ];

    public static async Task<ResultRow> MeasureAsync(CancellationToken cancellationToken)
    {
        Console.WriteLine("-- AppHost cold start (Aspire.Hosting.Testing, Identity:Provider=local)");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var clock = Stopwatch.StartNew();

        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(AppHostArguments, timeout.Token);
            await using var app = await builder.BuildAsync(timeout.Token);
            await app.StartAsync(timeout.Token);
            var running = app.Services.GetRequiredService<DistributedApplicationModel>().Resources
                .Where(resource => resource is ProjectResource or ContainerResource).ToList();

            var healthy = await Task.WhenAll(running.Select(async resource =>
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, WaitBehavior.StopOnResourceUnavailable, timeout.Token);
                return (resource.Name, At: clock.Elapsed);
            }));
            var last = healthy.MaxBy(resource => resource.At);
            Console.WriteLine($"   all {running.Count} healthy after {last.At.TotalSeconds:0.0} s (last: {last.Name})");
            return new ResultRow("AppHost cold start → all healthy (Aspire.Hosting.Testing, local identity provider)", null,
                $"**{last.At.TotalSeconds:0.0} s** for {running.Count} resources (last: {last.Name})");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BenchmarkException($"Not every AppHost resource was healthy within {Timeout.TotalMinutes:0} minutes.");
        }
        catch (DistributedApplicationException exception)
        {
            // E.g. a web app's fixed port taken by something that started after the check at the start of the run.
            throw new BenchmarkException($"An AppHost resource failed to start: {exception.Message}");
        }
    }
}
