using ShopAuthDemo.Catalog.Api.Model;

namespace ShopAuthDemo.Catalog.Api.Apis;

public sealed record PriceQuoteResponse(IReadOnlyList<PriceQuoteLine> Lines, decimal Total, DateTimeOffset QuotedAt);

// Category: what orders-api's access rules read about the product (a location rule names one).
public sealed record PriceQuoteLine(int ProductId, string Name, decimal UnitPrice, int Quantity, decimal LineTotal, string Category)
{
    public static PriceQuoteLine From(Product product, int quantity) =>
        new(product.Id, product.Name, product.Price, quantity, product.Price * quantity, product.Category);
}
