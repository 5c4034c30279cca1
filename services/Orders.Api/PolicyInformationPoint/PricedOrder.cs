using ShopAuthDemo.Orders.Api.Downstream;

namespace ShopAuthDemo.Orders.Api.PolicyInformationPoint;

/// <summary>
/// The order as the access rules decided on it: the catalog's quote, priced once by
/// <see cref="PricedOrderSource"/>. The endpoint places exactly this order, so what was decided is what
/// is placed and charged (no second quote that could differ).
/// </summary>
public sealed record PricedOrder(PriceQuote Quote)
{
    // Bound from the request, not from the body: an endpoint reached without the access-rule requirement
    // has no decided order and fails loudly instead of placing one nobody decided on.
    public static ValueTask<PricedOrder?> BindAsync(HttpContext httpContext) =>
        ValueTask.FromResult<PricedOrder?>(httpContext.Features.Get<PricedOrder>()
            ?? throw new InvalidOperationException("No decided order: the endpoint must require OrdersPolicies.PlaceOrder."));
}
