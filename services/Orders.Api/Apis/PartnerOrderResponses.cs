using ShopAuthDemo.Orders.Api.Model;

namespace ShopAuthDemo.Orders.Api.Apis;

/// <summary>A paid order as a shipping partner sees it: what to ship, not who paid or how much.</summary>
public sealed record ReadyToShipResponse(Guid OrderId, DateTimeOffset PlacedAt, IReadOnlyList<ShipmentItemResponse> Items)
{
    public static ReadyToShipResponse From(Order order) =>
        new(order.Id, order.PlacedAt, [.. order.Lines.Select(l => new ShipmentItemResponse(l.ProductId, l.ProductName, l.Quantity))]);
}

public sealed record ShipmentItemResponse(int ProductId, string ProductName, int Quantity);

/// <summary>The shipment a partner recorded on an order.</summary>
public sealed record PartnerShipmentResponse(Guid OrderId, string Status, string Carrier, string TrackingNumber, string ShippedBy, DateTimeOffset ShippedAt)
{
    public static PartnerShipmentResponse From(Order order) => new(order.Id, order.Status.ToString(),
        order.Shipment!.Carrier, order.Shipment.TrackingNumber, order.Shipment.ShippedByName, order.Shipment.ShippedAt);
}
