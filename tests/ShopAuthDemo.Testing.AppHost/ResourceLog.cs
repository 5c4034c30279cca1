using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace ShopAuthDemo.Testing.AppHost;

/// <summary>A resource's console log, collected from the start, so tests can count and search what it did.</summary>
public sealed class ResourceLog : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;
    private readonly string _resourceName;

    public ResourceLog(DistributedApplication app, string resourceName)
    {
        _resourceName = resourceName;
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        // By resource, not by name: a project's log stream is kept under its running instance's name.
        var resource = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == resourceName);
        _watching = Task.Run(async () =>
        {
            try
            {
                await foreach (var batch in logs.WatchAsync(resource).WithCancellation(_stop.Token))
                    foreach (var line in batch) _lines.Enqueue(line.Content);
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    public string ResourceName => _resourceName;

    /// <summary>Every line so far, in order.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    public int Count(string text) => _lines.Count(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>
    /// The count once the log has gone quiet: lines reach the AppHost a little after the process writes
    /// them, so counting right after a request would miss its own line.
    /// </summary>
    public async Task<int> SettledCountAsync(string text, CancellationToken cancellationToken)
    {
        var quietFor = TimeSpan.FromSeconds(2);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var lines = _lines.Count;
        var since = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline && DateTime.UtcNow - since < quietFor)
        {
            await Task.Delay(200, cancellationToken);
            if (_lines.Count != lines) (lines, since) = (_lines.Count, DateTime.UtcNow);
        }
        return Count(text);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watching;
        _stop.Dispose();
    }
}
