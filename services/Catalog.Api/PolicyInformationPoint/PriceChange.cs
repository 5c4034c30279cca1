namespace ShopAuthDemo.Catalog.Api.PolicyInformationPoint;

/// <summary>
/// A price change as the access rules decided on it: the product, the price it had then, the price asked
/// for. <see cref="PriceChangeSource"/> puts it on the request; the endpoint makes exactly this change.
/// </summary>
public sealed record PriceChange(int ProductId, decimal OldPrice, decimal NewPrice)
{
    /// <summary>How far the new price is from the old one, in percent of the old, either way.</summary>
    // A stored price of 0 cannot be compared with; counting it as the largest change asks for the group.
    public decimal Percent => OldPrice > 0 ? Math.Abs(NewPrice - OldPrice) / OldPrice * 100m : decimal.MaxValue;

    // Bound from the request, not from the body: an endpoint reached without the access-rule requirement
    // has no decided change and fails loudly instead of changing a price nobody decided on.
    public static ValueTask<PriceChange?> BindAsync(HttpContext httpContext) =>
        ValueTask.FromResult<PriceChange?>(httpContext.Features.Get<PriceChange>()
            ?? throw new InvalidOperationException("No decided price change: the endpoint must require CatalogPolicies.ChangePrice."));
}
