using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.Catalog.Api.Authorization;
using ShopAuthDemo.Catalog.Api.Infrastructure;
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
        products.MapPut("/{id:int}/price", ChangePrice).RequireAuthorization(CatalogPolicies.Admin)
            .ProducesProblem(StatusCodes.Status404NotFound);

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

    public static async Task<Results<Ok<ProductResponse>, ValidationProblem, ProblemHttpResult>> ChangePrice(
        int id, PriceChangeRequest request, ClaimsPrincipal user, CatalogContext catalog,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var product = await catalog.Products.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return ProductNotFound(id);
        }

        var oldPrice = product.Price;
        product.Price = request.Price;
        await catalog.SaveChangesAsync(cancellationToken);

        // Who (user and client) changed what; never the token itself.
        loggers.CreateLogger(typeof(CatalogApi)).LogInformation(
            "Price of product {ProductId} changed from {OldPrice} to {NewPrice} by {Subject} via {Client}",
            id, oldPrice, product.Price, user.GetSubject(), user.GetAuthorizedParty());

        return TypedResults.Ok(ProductResponse.From(product));
    }

    private static ProblemHttpResult ProductNotFound(int id) => TypedResults.Problem(
        title: "Product not found.",
        detail: $"There is no product with id {id}.",
        statusCode: StatusCodes.Status404NotFound);
}
