using Microsoft.Extensions.Hosting;

namespace ShopAuthDemo.AppHost.MutualTls;

/// <summary>
/// Renews every service's certificate well before it expires; the services read the new file at their next
/// handshake. At the end of the run its certificates are deleted: nothing outlives the AppHost.
/// </summary>
internal sealed class ServiceCertificateRenewal(ServiceCertificates certificates) : BackgroundService
{
    private static readonly TimeSpan Every = ServiceCertificates.Lifetime / 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) certificates.RenewAll();
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
