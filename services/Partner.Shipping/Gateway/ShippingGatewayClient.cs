using System.Globalization;

namespace ShopAuthDemo.Partner.Shipping.Gateway;

/// <summary>
/// The shop's partner API as ACME sees it: the gateway's /partner routes, called with ACME's own
/// client-credentials token (attached by the handler registered with this client).
/// </summary>
public sealed class ShippingGatewayClient(HttpClient http)
{
    /// <summary>Paid orders to ship; when there are none the shop holds the answer until one is paid, or <paramref name="wait"/> passes.</summary>
    public async Task<IReadOnlyList<ReadyToShipOrder>> WaitForReadyToShipAsync(TimeSpan wait, CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<List<ReadyToShipOrder>>(
            $"/partner/orders/ready-to-ship?waitSeconds={((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture)}", cancellationToken) ?? [];

    public async Task<RecordedShipment> ShipAsync(Guid orderId, string carrier, string trackingNumber, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"/partner/orders/{orderId}/shipments",
            new { carrier, trackingNumber }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<RecordedShipment>(cancellationToken))!;
    }
}

// The shapes of the gateway's answers (orders-api's partner routes).
public sealed record ReadyToShipOrder(Guid OrderId, DateTimeOffset PlacedAt, IReadOnlyList<ShipmentItem> Items);

public sealed record ShipmentItem(int ProductId, string ProductName, int Quantity);

public sealed record RecordedShipment(Guid OrderId, string Status, string Carrier, string TrackingNumber, string ShippedBy, DateTimeOffset ShippedAt);
