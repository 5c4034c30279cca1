using Polly.Timeout;
using ShopAuthDemo.Partner.Shipping.Gateway;
using ShopAuthDemo.ServiceDefaults.TokenManagement;

namespace ShopAuthDemo.Partner.Shipping.Shipping;

/// <summary>
/// ACME Logistics at work: it asks the shop's gateway for paid orders and ships each. The shop holds the question
/// until an order is paid (long polling), so an order is shipped moments after it is paid, and an idle shop sees one
/// request every <see cref="ShippingSettings.WaitForOrders"/> instead of one every few seconds.
/// Every call carries the same cached token until it nears expiry: one token request for many calls.
/// </summary>
public sealed class ShippingWorker(ShippingGatewayClient gateway, ShippingSettings settings, ShippingWorkerStatus status,
    TimeProvider time, ILogger<ShippingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("{Carrier} waits at the shop's gateway ({Gateway}) for orders to ship, up to {Wait} s per request",
            settings.Carrier, settings.Gateway, settings.WaitForOrders.TotalSeconds);

        while (!stoppingToken.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            var shipped = await ShipReadyOrdersAsync(stoppingToken);

            // A round that failed, or found nothing sooner than the shop should have answered (a shop that does not
            // hold requests), is not repeated at once: never a tight loop against the gateway and its rate limit.
            var rest = settings.RetryDelay - time.GetElapsedTime(started);
            if (shipped is not > 0 && rest > TimeSpan.Zero) await Task.Delay(rest, time, stoppingToken);
        }
    }

    /// <returns>How many orders this round shipped; null when it failed.</returns>
    private async Task<int?> ShipReadyOrdersAsync(CancellationToken stoppingToken)
    {
        try
        {
            var ready = await gateway.WaitForReadyToShipAsync(settings.WaitForOrders, stoppingToken);
            logger.LogInformation("Checked for orders ready to ship: {Count}", ready.Count);

            foreach (var order in ready)
            {
                var shipment = await gateway.ShipAsync(order.OrderId, settings.Carrier, TrackingNumberFor(order.OrderId), stoppingToken);
                logger.LogInformation("Shipped order {OrderId} ({Items} items) with tracking number {TrackingNumber}; the shop shows it {Status} by {ShippedBy}",
                    order.OrderId, order.Items.Sum(item => item.Quantity), shipment.TrackingNumber, shipment.Status, shipment.ShippedBy);
            }

            status.Succeeded(ready.Count);
            return ready.Count;
        }
        // A gateway that does not answer in time (Polly's timeout) is one failed round too, not the end of the worker.
        catch (Exception exception) when (exception is HttpRequestException or TokenRequestException or TimeoutRejectedException
                                          || (exception is OperationCanceledException && !stoppingToken.IsCancellationRequested))
        {
            // The reason only (a status code, "connection refused"): never a token or the secret.
            logger.LogWarning("Shipping round failed: {Reason}; trying again in {Delay} s", exception.Message, settings.RetryDelay.TotalSeconds);
            status.Failed(exception.Message);
            return null;
        }
    }

    // The same order always gets the same number, so a shipment repeated after a lost answer is the same shipment.
    private static string TrackingNumberFor(Guid orderId) => $"ACME-{orderId.ToString("N")[..12].ToUpperInvariant()}";
}
