using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.Catalog.Api.Authorization;
using ShopAuthDemo.Catalog.Api.Infrastructure;
using ShopAuthDemo.Catalog.Api.PolicyInformationPoint;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.Catalog.Api.Apis;

public static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/api/products").WithTags("Catalog");

        // Browsing the catalog needs no account.
        products.MapGet("/", GetProducts).AllowAnonymous();
        products.MapGet("/{id:int}", GetProduct).AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound);
        // The body is read (and validated) by PriceChangeSource, before the access rules decide on it.
        products.MapPut("/{id:int}/price", ChangePrice).RequireAuthorization(CatalogPolicies.ChangePrice)
            .Accepts<PriceChangeRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    public static async Task<Ok<List<ProductResponse>>> GetProducts(CatalogContext catalog, CancellationToken cancellationToken)
    {
        var products = await catalog.Products.AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(products.Select(ProductResponse.From).ToList());
    }

    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> GetProduct(
        int id, CatalogContext catalog, CancellationToken cancellationToken)
    {
        var product = await catalog.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return product is null ? ProductNotFound(id) : TypedResults.Ok(ProductResponse.From(product));
    }

    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> ChangePrice(
        int id, PriceChange change, ClaimsPrincipal user, CatalogContext catalog,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var product = await catalog.Products.SingleOrDefaultAsync(p => p.Id == change.ProductId, cancellationToken);
        if (product is null)
        {
            return ProductNotFound(id);
        }

        // The rules decided on the step from the price they saw; a change made in between would make this a
        // different step than the one decided on, so it is not made. (Successive small steps, each decided on
        // its own, can still add up to a big one: the group rule limits one change, not a day's.)
        if (product.Price != change.OldPrice)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The price changed meanwhile.",
                detail: $"Product {id} costs {product.Price} now, not {change.OldPrice}. Check the new price and try again.");
        }

        product.Price = change.NewPrice;
        await catalog.SaveChangesAsync(cancellationToken);

        // Who (user and client) changed what; never the token itself.
        loggers.CreateLogger(typeof(CatalogApi)).LogInformation(
            "Price of product {ProductId} changed from {OldPrice} to {NewPrice} by {Subject} via {Client}",
            id, change.OldPrice, product.Price, user.GetSubject(), user.GetAuthorizedParty());

        return TypedResults.Ok(ProductResponse.From(product));
    }

    public static ProblemHttpResult ProductNotFound(int id) => TypedResults.Problem(
        title: "Product not found.",
        detail: $"There is no product with id {id}.",
        statusCode: StatusCodes.Status404NotFound);
}
