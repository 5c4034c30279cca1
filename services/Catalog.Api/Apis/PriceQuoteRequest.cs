namespace ShopAuthDemo.Catalog.Api.Apis;

// Body: { "items": [ { "productId": 1, "quantity": 2 } ] }
public sealed record PriceQuoteRequest(IReadOnlyList<PriceQuoteItem>? Items)
{
    public const int MaximumItems = 50;
    public const int MaximumQuantity = 100;

    // Checks the shape only; whether the products exist needs the catalog (see UnknownProducts).
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Items is not { Count: > 0 and <= MaximumItems })
        {
            errors["items"] = [$"Between 1 and {MaximumItems} items are required."];
            return errors;
        }

        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i] is null)
            {
                errors[$"items[{i}]"] = ["An item is required."];
            }
            else if (Items[i].Quantity is < 1 or > MaximumQuantity)
            {
                errors[$"items[{i}].quantity"] = [$"Quantity must be between 1 and {MaximumQuantity}."];
            }
        }

        return errors;
    }

    public Dictionary<string, string[]> UnknownProducts(IReadOnlySet<int> knownProductIds)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < Items!.Count; i++)
        {
            if (!knownProductIds.Contains(Items[i].ProductId))
            {
                errors[$"items[{i}].productId"] = [$"There is no product with id {Items[i].ProductId}."];
            }
        }

        return errors;
    }
}

public sealed record PriceQuoteItem(int ProductId, int Quantity);
