using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.Orders.Api.Authorization;
using ShopAuthDemo.Orders.Api.Infrastructure;
using ShopAuthDemo.Orders.Api.Model;
using ShopAuthDemo.Orders.Api.Ordering;
using ShopAuthDemo.Orders.Api.PolicyInformationPoint;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.Orders.Api.Apis;

public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/orders").WithTags("Orders").RequireAuthorization(OrdersPolicies.Customer);
        // The body is read, validated and priced by PricedOrderSource, before the access rules decide on it.
        mine.MapPost("/", PlaceOrder).RequireAuthorization(OrdersPolicies.PlaceOrder)
            .Accepts<PlaceOrderRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        mine.MapGet("/", GetMyOrders);
        mine.MapGet("/{id:guid}", GetMyOrder);
        mine.MapPost("/{id:guid}/payment", RetryPayment);

        app.MapGroup("/api/staff/orders").WithTags("Staff").RequireAuthorization(OrdersPolicies.Staff)
            .MapGet("/", GetAllOrders);
        return app;
    }

    public static async Task<Created<OrderResponse>> PlaceOrder(
        PricedOrder order, ClaimsPrincipal user, OrderPlacement placement, CancellationToken cancellationToken)
    {
        var placed = await placement.PlaceAsync(user, order.Quote, cancellationToken);
        return TypedResults.Created($"/api/orders/{placed.Id}", OrderResponse.From(placed));
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
        return order is null ? OrderProblems.OrderNotFound(id) : TypedResults.Ok(OrderResponse.From(order));
    }

    public static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> RetryPayment(
        Guid id, ClaimsPrincipal user, OrdersContext orders, OrderPlacement placement, CancellationToken cancellationToken)
    {
        var order = await FindOwnOrderAsync(orders, id, user, cancellationToken);
        if (order is null) return OrderProblems.OrderNotFound(id);
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
}
