using ShopAuthDemo.Orders.Api.Model;

namespace ShopAuthDemo.Orders.Api.Apis;

public sealed record OrderResponse(
    Guid Id,
    string Status,
    string? StatusReason,
    string BuyerName,
    DateTimeOffset PlacedAt,
    decimal Total,
    IReadOnlyList<OrderLineResponse> Lines,
    PaymentResponse? Payment,
    ShipmentResponse? Shipment)
{
    public static OrderResponse From(Order order) => new(
        order.Id,
        order.Status.ToString(),
        order.StatusReason,
        order.BuyerName,
        order.PlacedAt,
        order.Total,
        [.. order.Lines.Select(l => new OrderLineResponse(l.ProductId, l.ProductName, l.UnitPrice, l.Quantity))],
        order.Payment is { } p ? new PaymentResponse(p.PaymentId, p.PayerUsername, p.ChargedVia, p.ChargedAt) : null,
        order.Shipment is { } s ? new ShipmentResponse(s.Carrier, s.TrackingNumber, s.ShippedByName, s.ShippedAt) : null);
}

public sealed record OrderLineResponse(int ProductId, string ProductName, decimal UnitPrice, int Quantity);

/// <summary>What payments-api recorded: who paid, and through which service.</summary>
public sealed record PaymentResponse(Guid PaymentId, string? Payer, string ChargedVia, DateTimeOffset ChargedAt);

/// <summary>Which partner shipped the order (the name we know its client by), with the carrier's tracking number.</summary>
public sealed record ShipmentResponse(string Carrier, string TrackingNumber, string ShippedBy, DateTimeOffset ShippedAt);
