using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.Catalog.Api.Apis;
using ShopAuthDemo.Catalog.Api.Infrastructure;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;

namespace ShopAuthDemo.Catalog.Api.PolicyInformationPoint;

/// <summary>
/// The resource of prices.change: the requested price against the stored one, as a percentage (a group rule
/// reads it). Answers as the endpoint did before rules existed: 400 for a bad body, 404 for no product.
/// </summary>
public sealed class PriceChangeSource(CatalogContext catalog) : IResourceAttributeSource
{
    // { "price": 12.50 } is a few bytes; nothing a price change needs comes near this.
    public const int MaxBodyBytes = 4 * 1024;

    public async ValueTask<ResourceAttributes> ReadAsync(HttpContext httpContext, CancellationToken cancellationToken)
    {
        var (request, unreadable) = await RequestBody.ReadJsonAsync<PriceChangeRequest>(httpContext, MaxBodyBytes, cancellationToken);
        if (request is null) return ResourceAttributes.Refused(unreadable!);

        var errors = request.Validate();
        if (errors.Count > 0) return ResourceAttributes.Refused(TypedResults.ValidationProblem(errors));

        // The route constraint {id:int} already refused anything else.
        var id = int.Parse((string)httpContext.GetRouteValue("id")!, System.Globalization.CultureInfo.InvariantCulture);
        var product = await catalog.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null) return ResourceAttributes.Refused(CatalogApi.ProductNotFound(id));

        var change = new PriceChange(id, product.Price, request.Price);
        httpContext.Features.Set(change);
        return new ResourceAttributes { PriceChangePercent = new(change.Percent, AttributeSource.Resource) };
    }
}
