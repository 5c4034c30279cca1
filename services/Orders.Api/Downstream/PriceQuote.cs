namespace ShopAuthDemo.Orders.Api.Downstream;

// The shape of catalog-api's POST /api/internal/price-quotes.
public sealed record PriceQuoteRequest(IReadOnlyList<QuoteItem> Items);

public sealed record QuoteItem(int ProductId, int Quantity);

public sealed record PriceQuote(IReadOnlyList<QuotedLine> Lines, decimal Total, DateTimeOffset QuotedAt);

// Category: what the access rules read about the product (a location rule names one).
public sealed record QuotedLine(int ProductId, string Name, decimal UnitPrice, int Quantity, decimal LineTotal, string? Category);
