using Microsoft.AspNetCore.Http.HttpResults;

namespace ShopAuthDemo.Orders.Api.Apis;

public static class OrderProblems
{
    public static ProblemHttpResult CatalogUnavailable() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "The catalog is unavailable.",
        detail: "Your order was not placed and nothing was charged. Try again in a moment.");

    public static ProblemHttpResult OrderNotFound(Guid id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Order not found.", detail: $"You have no order with id {id}.");
}
