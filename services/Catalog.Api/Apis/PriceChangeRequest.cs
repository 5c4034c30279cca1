namespace ShopAuthDemo.Catalog.Api.Apis;

// Body: { "price": 12.50 }
public sealed record PriceChangeRequest(decimal Price)
{
    public const decimal MaximumPrice = 1_000_000m;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Price <= 0 || Price >= MaximumPrice)
        {
            errors["price"] = [$"Price must be greater than 0 and less than {MaximumPrice:N0}."];
        }
        else if (decimal.Round(Price, 2) != Price)
        {
            errors["price"] = ["Price can have at most 2 decimal places."];
        }

        return errors;
    }
}
