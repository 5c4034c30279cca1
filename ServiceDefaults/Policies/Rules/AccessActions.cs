namespace ShopAuthDemo.ServiceDefaults.Policies.Rules;

/// <summary>The actions access rules can govern, and the service that decides each one.</summary>
public static class AccessActions
{
    /// <summary>A customer places an order (orders-api).</summary>
    public const string PlaceOrder = "orders.place";

    /// <summary>An admin changes a product's price (catalog-api).</summary>
    public const string ChangePrice = "prices.change";

    public static readonly IReadOnlyList<string> All = [PlaceOrder, ChangePrice];
}
