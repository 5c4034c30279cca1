namespace ShopAuthDemo.Backoffice.Web.Apis;

// orders-api's GET /api/staff/orders item (only the fields the back office shows).
public sealed record StaffOrder(Guid Id, string Status, string? StatusReason, string BuyerName, DateTimeOffset PlacedAt, decimal Total);

// catalog-api's product, and the body of PUT /api/products/{id}/price.
public sealed record Product(int Id, string Name, string Description, decimal Price);

public sealed record PriceChange(decimal Price);
