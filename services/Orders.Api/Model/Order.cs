namespace ShopAuthDemo.Orders.Api.Model;

public sealed class Order
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The buyer's <c>sub</c>: the only identity the ownership check trusts.</summary>
    public required string BuyerId { get; init; }

    public required string BuyerName { get; init; }

    public DateTimeOffset PlacedAt { get; init; }

    public List<OrderLine> Lines { get; init; } = [];

    public decimal Total { get; init; }

    public OrderStatus Status { get; set; } = OrderStatus.AwaitingPayment;

    /// <summary>Why the order is not paid, in words a customer can act on.</summary>
    public string? StatusReason { get; set; }

    public Payment? Payment { get; set; }

    public Shipment? Shipment { get; set; }
}

public sealed class OrderLine
{
    public int Id { get; init; }

    public int ProductId { get; init; }

    public required string ProductName { get; init; }

    public decimal UnitPrice { get; init; }

    public int Quantity { get; init; }
}

/// <summary>What payments-api reported when it captured the payment.</summary>
public sealed record Payment(Guid PaymentId, string PayerId, string? PayerUsername, string ChargedVia, DateTimeOffset ChargedAt);

/// <summary>
/// What a shipping partner reported, and who reported it: the partner client from its token (azp) and
/// the name we know that client by, never a name the caller sent.
/// </summary>
public sealed record Shipment(string Carrier, string TrackingNumber, string ShippedByClientId, string ShippedByName, DateTimeOffset ShippedAt);
