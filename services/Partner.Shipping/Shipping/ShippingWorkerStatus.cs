using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ShopAuthDemo.Partner.Shipping.Shipping;

/// <summary>How the last polls went, for the health check: degraded once several in a row failed.</summary>
public sealed class ShippingWorkerStatus(TimeProvider time) : IHealthCheck
{
    private const int FailuresBeforeDegraded = 3;
    private volatile string _lastPoll = "not polled yet";
    private int _failuresInARow;

    public void Succeeded(int shipped)
    {
        Interlocked.Exchange(ref _failuresInARow, 0);
        _lastPoll = $"last poll {time.GetUtcNow():HH:mm:ss} UTC shipped {shipped} orders";
    }

    public void Failed(string reason)
    {
        Interlocked.Increment(ref _failuresInARow);
        _lastPoll = $"last poll {time.GetUtcNow():HH:mm:ss} UTC failed: {reason}";
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Volatile.Read(ref _failuresInARow) >= FailuresBeforeDegraded
            ? HealthCheckResult.Degraded(_lastPoll)
            : HealthCheckResult.Healthy(_lastPoll));
}
