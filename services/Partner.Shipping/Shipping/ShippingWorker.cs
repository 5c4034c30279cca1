using Polly.Timeout;
using ShopAuthDemo.Partner.Shipping.Gateway;
using ShopAuthDemo.ServiceDefaults.TokenManagement;

namespace ShopAuthDemo.Partner.Shipping.Shipping;

/// <summary>
/// ACME Logistics at work: every few seconds it asks the shop's gateway for paid orders and ships each.
/// Every call carries the same cached token until it nears expiry: one token request for many calls.
/// </summary>
public sealed class ShippingWorker(ShippingGatewayClient gateway, ShippingSettings settings, ShippingWorkerStatus status,
    ILogger<ShippingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("{Carrier} checks the shop's gateway ({Gateway}) for orders to ship every {Interval} s",
            settings.Carrier, settings.Gateway, settings.PollInterval.TotalSeconds);

        using var timer = new PeriodicTimer(settings.PollInterval);
        do
        {
            await ShipReadyOrdersAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ShipReadyOrdersAsync(CancellationToken stoppingToken)
    {
        try
        {
            var ready = await gateway.GetReadyToShipAsync(stoppingToken);
            logger.LogInformation("Checked for orders ready to ship: {Count}", ready.Count);

            foreach (var order in ready)
            {
                var shipment = await gateway.ShipAsync(order.OrderId, settings.Carrier, TrackingNumberFor(order.OrderId), stoppingToken);
                logger.LogInformation("Shipped order {OrderId} ({Items} items) with tracking number {TrackingNumber}; the shop shows it {Status} by {ShippedBy}",
                    order.OrderId, order.Items.Sum(item => item.Quantity), shipment.TrackingNumber, shipment.Status, shipment.ShippedBy);
            }

            status.Succeeded(ready.Count);
        }
        // A gateway that does not answer in time (Polly's timeout) is one failed round too, not the end of the worker.
        catch (Exception exception) when (exception is HttpRequestException or TokenRequestException or TimeoutRejectedException
                                          || (exception is OperationCanceledException && !stoppingToken.IsCancellationRequested))
        {
            // The reason only (a status code, "connection refused"): never a token or the secret.
            logger.LogWarning("Shipping round failed: {Reason}; trying again in {Interval} s", exception.Message, settings.PollInterval.TotalSeconds);
            status.Failed(exception.Message);
        }
    }

    // The same order always gets the same number, so a shipment repeated after a lost answer is the same shipment.
    private static string TrackingNumberFor(Guid orderId) => $"ACME-{orderId.ToString("N")[..12].ToUpperInvariant()}";
}
