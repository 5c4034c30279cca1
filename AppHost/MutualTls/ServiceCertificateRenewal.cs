using Microsoft.Extensions.Hosting;

namespace ShopAuthDemo.AppHost.MutualTls;

/// <summary>
/// Renews every service's certificate well before it expires; the services read the new file at their next
/// handshake. At the end of the run its certificates are deleted: nothing outlives the AppHost.
/// </summary>
internal sealed class ServiceCertificateRenewal(ServiceCertificates certificates) : BackgroundService
{
    // Often, and decided by the certificates' age: a timer's interval alone may not count a laptop's sleep.
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) certificates.RenewWhenDue(DateTimeOffset.UtcNow);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        certificates.RemoveRun();
    }
}
