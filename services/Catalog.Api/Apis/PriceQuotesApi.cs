using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.Catalog.Api.Authorization;
using ShopAuthDemo.Catalog.Api.Infrastructure;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.Catalog.Api.Apis;

public static class PriceQuotesApi
{
    // Internal: called by orders-api with its own service-account token (client credentials).
    public static IEndpointRouteBuilder MapPriceQuotesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/internal/price-quotes").WithTags("Internal")
            .MapPost("/", QuotePrices).RequireAuthorization(CatalogPolicies.PriceQuotes);

        return app;
    }

    public static async Task<Results<Ok<PriceQuoteResponse>, ValidationProblem>> QuotePrices(
        PriceQuoteRequest request, ClaimsPrincipal caller, CatalogContext catalog,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var productIds = request.Items!.Select(item => item.ProductId).Distinct().ToList();
        var products = await catalog.Products.AsNoTracking()
            .Where(product => productIds.Contains(product.Id))
            .ToDictionaryAsync(product => product.Id, cancellationToken);

        errors = request.UnknownProducts(products.Keys.ToHashSet());
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var lines = request.Items!.Select(item => PriceQuoteLine.From(products[item.ProductId], item.Quantity)).ToList();
        var quote = new PriceQuoteResponse(lines, lines.Sum(line => line.LineTotal), DateTimeOffset.UtcNow);

        loggers.CreateLogger(typeof(PriceQuotesApi)).LogInformation(
            "Price quote of {LineCount} lines totalling {Total} for {Subject} via {Client}",
            lines.Count, quote.Total, caller.GetSubject(), caller.GetAuthorizedParty());

        return TypedResults.Ok(quote);
    }
}
