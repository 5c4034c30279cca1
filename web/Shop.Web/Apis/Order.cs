namespace ShopAuthDemo.Shop.Web.Apis;

// orders-api's order, as it answers POST /api/orders and GET /api/orders.
public sealed record Order(
    Guid Id,
    string Status,
    string? StatusReason,
    string BuyerName,
    DateTimeOffset PlacedAt,
    decimal Total,
    IReadOnlyList<OrderLine> Lines,
    OrderPayment? Payment);

public sealed record OrderLine(int ProductId, string ProductName, decimal UnitPrice, int Quantity);

public sealed record OrderPayment(Guid PaymentId, string? Payer, string ChargedVia, DateTimeOffset ChargedAt);

// Body of POST /api/orders: product ids and quantities only; orders-api asks the catalog for prices.
public sealed record PlaceOrderRequest(IReadOnlyList<PlaceOrderItem> Items);

public sealed record PlaceOrderItem(int ProductId, int Quantity);
