using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.Orders.Api.Authorization;
using ShopAuthDemo.Orders.Api.Infrastructure;
using ShopAuthDemo.Orders.Api.Model;
using ShopAuthDemo.Orders.Api.Ordering;
using ShopAuthDemo.Orders.Api.PaidOrders;

namespace ShopAuthDemo.Orders.Api.Apis;

/// <summary>
/// Routes for external shipping partners, reached through the gateway (/partner/** there). Only partner
/// clients with scope "shipping"; user tokens are refused, and partners cannot use the customer routes.
/// </summary>
public static class PartnerShippingApi
{
    public static IEndpointRouteBuilder MapPartnerShippingApi(this IEndpointRouteBuilder app)
    {
        var partner = app.MapGroup("/api/partner/orders").WithTags("Partner shipping")
            .RequireAuthorization(OrdersPolicies.ShippingPartner);
        partner.MapGet("/ready-to-ship", GetReadyToShip);
        partner.MapPost("/{id:guid}/shipments", RecordShipment);
        return app;
    }

    /// <summary>
    /// Paid orders nobody has shipped yet, oldest first. With <c>?waitSeconds=N</c> and none ready, the answer waits
    /// until an order is paid or N seconds (at most 30) have passed (long polling): the partner learns of a paid order
    /// at once, with one request per half minute when nothing happens instead of one every few seconds.
    /// </summary>
    public static async Task<Ok<List<ReadyToShipResponse>>> GetReadyToShip(OrdersContext orders, PaidOrderSignal paidOrders,
        int? waitSeconds, CancellationToken cancellationToken)
    {
        var nextPayment = paidOrders.NextPayment;
        var ready = await PaidAndUnshippedAsync(orders, cancellationToken);
        if (ready.Count == 0 && waitSeconds > 0)
        {
            var wait = TimeSpan.FromSeconds(Math.Min(waitSeconds.Value, PaidOrderSignal.LongestWait.TotalSeconds));
            await paidOrders.WaitAsync(nextPayment, wait, cancellationToken);
            ready = await PaidAndUnshippedAsync(orders, cancellationToken);
        }
        return TypedResults.Ok(ready.Select(ReadyToShipResponse.From).ToList());
    }

    private static Task<List<Order>> PaidAndUnshippedAsync(OrdersContext orders, CancellationToken cancellationToken) =>
        orders.Orders.AsNoTracking().Where(o => o.Status == OrderStatus.Paid).OrderBy(o => o.PlacedAt).ToListAsync(cancellationToken);

    /// <summary>201 the first time; 200 with the same shipment when the partner repeats the call.</summary>
    public static async Task<Results<Created<PartnerShipmentResponse>, Ok<PartnerShipmentResponse>, ValidationProblem, ProblemHttpResult>> RecordShipment(
        Guid id, ShipmentRequest request, ClaimsPrincipal partner, OrderShipping shipping, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        return await shipping.ShipAsync(id, partner, request.Carrier!, request.TrackingNumber!, cancellationToken) switch
        {
            ShippingOutcome.Shipped(var order) => TypedResults.Created((string?)null, PartnerShipmentResponse.From(order)),
            ShippingOutcome.AlreadyShipped(var order) => TypedResults.Ok(PartnerShipmentResponse.From(order)),
            ShippingOutcome.Refused(var reason) => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "The order cannot be shipped.", detail: reason),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                title: "Order not found.", detail: $"There is no order with id {id}."),
        };
    }
}
