using ShopAuthDemo.Orders.Api.Downstream;

namespace ShopAuthDemo.Orders.Api.Apis;

// { "items": [ { "productId": 1, "quantity": 2 } ] } — prices come from the catalog, never from the client.
public sealed record PlaceOrderRequest(IReadOnlyList<QuoteItem>? Items)
{
    public const int MaxItems = 50;
    public const int MaxQuantity = 100;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Items is null || Items.Count == 0)
            errors["items"] = ["Add at least one item to the order."];
        else if (Items.Count > MaxItems)
            errors["items"] = [$"An order holds at most {MaxItems} items."];
        // JSON can say [null]; without this check the next rule throws and the caller gets a 500.
        else if (Items.Any(i => i is null))
            errors["items"] = ["An item cannot be null."];
        else if (Items.Any(i => i.Quantity is < 1 or > MaxQuantity))
            errors["items"] = [$"Each quantity must be between 1 and {MaxQuantity}."];
        return errors;
    }
}
