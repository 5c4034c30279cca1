using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.Orders.Api.Authorization;
using ShopAuthDemo.Orders.Api.Infrastructure;
using ShopAuthDemo.Orders.Api.Model;
using ShopAuthDemo.Orders.Api.Ordering;
using ShopAuthDemo.ServiceDefaults.Authentication;
using ShopAuthDemo.ServiceDefaults.TokenManagement;

namespace ShopAuthDemo.Orders.Api.Apis;

public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/orders").WithTags("Orders").RequireAuthorization(OrdersPolicies.Customer);
        mine.MapPost("/", PlaceOrder);
        mine.MapGet("/", GetMyOrders);
        mine.MapGet("/{id:guid}", GetMyOrder);
        mine.MapPost("/{id:guid}/payment", RetryPayment);

        app.MapGroup("/api/staff/orders").WithTags("Staff").RequireAuthorization(OrdersPolicies.Staff)
            .MapGet("/", GetAllOrders);
        return app;
    }

    public static async Task<Results<Created<OrderResponse>, ValidationProblem, ProblemHttpResult>> PlaceOrder(
        PlaceOrderRequest request, ClaimsPrincipal user, OrderPlacement placement, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        try
        {
            var (order, refused) = await placement.PlaceAsync(user, request.Items!, cancellationToken);
            return order is null
                ? TypedResults.ValidationProblem(refused!)
                : TypedResults.Created($"/api/orders/{order.Id}", OrderResponse.From(order));
        }
        catch (Exception exception) when (exception is HttpRequestException or TokenRequestException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The catalog is unavailable.", detail: "Your order was not placed and nothing was charged. Try again in a moment.");
        }
    }

    public static async Task<Ok<List<OrderResponse>>> GetMyOrders(
        ClaimsPrincipal user, OrdersContext orders, CancellationToken cancellationToken)
    {
        var mine = await orders.Orders.AsNoTracking().Where(o => o.BuyerId == user.GetSubject())
            .OrderByDescending(o => o.PlacedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(mine.Select(OrderResponse.From).ToList());
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetMyOrder(
        Guid id, ClaimsPrincipal user, OrdersContext orders, CancellationToken cancellationToken)
    {
        var order = await FindOwnOrderAsync(orders, id, user, cancellationToken);
        return order is null ? OrderNotFound(id) : TypedResults.Ok(OrderResponse.From(order));
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> RetryPayment(
        Guid id, ClaimsPrincipal user, OrdersContext orders, OrderPlacement placement, CancellationToken cancellationToken)
    {
        var order = await FindOwnOrderAsync(orders, id, user, cancellationToken);
        if (order is null) return OrderNotFound(id);
        if (order.Status == OrderStatus.AwaitingPayment) await placement.PayAsync(order, cancellationToken);
        return TypedResults.Ok(OrderResponse.From(order));
    }

    public static async Task<Ok<List<OrderResponse>>> GetAllOrders(OrdersContext orders, CancellationToken cancellationToken)
    {
        var all = await orders.Orders.AsNoTracking().OrderByDescending(o => o.PlacedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(all.Select(OrderResponse.From).ToList());
    }

    // Ownership is part of the query: another customer's order is "not found", not "forbidden",
    // so the answer does not even confirm that the id exists (no IDOR, no enumeration).
    private static Task<Order?> FindOwnOrderAsync(OrdersContext orders, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        orders.Orders.SingleOrDefaultAsync(o => o.Id == id && o.BuyerId == user.GetSubject(), cancellationToken);

    private static ProblemHttpResult OrderNotFound(Guid id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Order not found.", detail: $"You have no order with id {id}.");
}
