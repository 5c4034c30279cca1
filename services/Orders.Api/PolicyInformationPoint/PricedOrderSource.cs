using ShopAuthDemo.Orders.Api.Apis;
using ShopAuthDemo.Orders.Api.Downstream;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;
using ShopAuthDemo.ServiceDefaults.TokenManagement;

namespace ShopAuthDemo.Orders.Api.PolicyInformationPoint;

/// <summary>
/// The resource of orders.place: the order priced by the catalog (its total, its products' categories).
/// Reads the body, asks the catalog once, and keeps the quote on the request as <see cref="PricedOrder"/>.
/// A request without a priced order is answered as the endpoint did before rules existed: 400 for a bad
/// body or an unknown product, 503 with the catalog down; no order is placed without a decision.
/// </summary>
public sealed class PricedOrderSource(CatalogClient catalog) : IResourceAttributeSource
{
    // 50 items of {"productId":…,"quantity":…} are about 2 KB; the rest is room for whitespace.
    public const int MaxBodyBytes = 64 * 1024;

    public async ValueTask<ResourceAttributes> ReadAsync(HttpContext httpContext, CancellationToken cancellationToken)
    {
        var (request, unreadable) = await RequestBody.ReadJsonAsync<PlaceOrderRequest>(httpContext, MaxBodyBytes, cancellationToken);
        if (request is null) return ResourceAttributes.Refused(unreadable!);

        var errors = request.Validate();
        if (errors.Count > 0) return ResourceAttributes.Refused(TypedResults.ValidationProblem(errors));

        PriceQuote? quote;
        IDictionary<string, string[]>? refused;
        try
        {
            (quote, refused) = await catalog.QuoteAsync(request.Items!, cancellationToken);
        }
        // Also a timeout or an open circuit of the resilience handler, or an answer that is not a quote: 503, not 500.
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is HttpRequestException
            or TokenRequestException or System.Text.Json.JsonException or OperationCanceledException or Polly.ExecutionRejectedException)
        {
            return ResourceAttributes.Refused(OrderProblems.CatalogUnavailable());
        }
        if (quote is null) return ResourceAttributes.Refused(TypedResults.ValidationProblem(refused!));
        // A location rule cannot see a product without a category: no guessing, no order.
        if (quote.Lines.Any(line => string.IsNullOrWhiteSpace(line.Category))) return ResourceAttributes.Refused(OrderProblems.CatalogUnavailable());

        httpContext.Features.Set(new PricedOrder(quote));
        return new ResourceAttributes
        {
            OrderTotal = new(quote.Total, AttributeSource.Resource),
            ProductCategories = new(quote.Lines.Select(line => line.Category!).Distinct().ToArray(), AttributeSource.Resource),
        };
    }
}
