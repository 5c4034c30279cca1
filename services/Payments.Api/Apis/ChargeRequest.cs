namespace ShopAuthDemo.Payments.Api.Apis;

// Body: { "orderId": "3f2b…-guid", "amount": 12.50 }. Who pays comes from the token, not from here.
public sealed record ChargeRequest(Guid OrderId, decimal Amount)
{
    public const decimal MaximumAmount = 1_000_000m;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (OrderId == Guid.Empty)
        {
            errors["orderId"] = ["An order id is required."];
        }

        if (Amount <= 0 || Amount >= MaximumAmount)
        {
            errors["amount"] = [$"Amount must be greater than 0 and less than {MaximumAmount:N0}."];
        }
        else if (decimal.Round(Amount, 2) != Amount)
        {
            errors["amount"] = ["Amount can have at most 2 decimal places."];
        }

        return errors;
    }
}
