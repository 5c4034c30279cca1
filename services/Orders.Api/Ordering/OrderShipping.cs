using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.Orders.Api.Authorization;
using ShopAuthDemo.Orders.Api.Infrastructure;
using ShopAuthDemo.Orders.Api.Model;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.Orders.Api.Ordering;

/// <summary>
/// A shipping partner takes a paid order. Idempotent: a partner that repeats the call (say, after a
/// timeout) gets the shipment it already recorded, never a second one.
/// </summary>
public sealed class OrderShipping(OrdersContext orders, PartnerClients partners, TimeProvider time, ILogger<OrderShipping> logger)
{
    public async Task<ShippingOutcome> ShipAsync(Guid orderId, ClaimsPrincipal partner, string carrier, string trackingNumber,
        CancellationToken cancellationToken)
    {
        var clientId = partner.GetAuthorizedParty()!;
        var order = await orders.Orders.SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);

        switch (order)
        {
            case null:
                return new ShippingOutcome.NotFound();
            case { Shipment: { } shipment } when shipment.ShippedByClientId == clientId:
                return new ShippingOutcome.AlreadyShipped(order);
            case { Shipment: not null }:
                return new ShippingOutcome.Refused("The order was shipped by another partner.");
            case { Status: not OrderStatus.Paid }:
                return new ShippingOutcome.Refused($"Only paid orders can be shipped; this one is {order.Status}.");
        }

        order.Shipment = new Shipment(carrier, trackingNumber, clientId, partners.NameOf(clientId), time.GetUtcNow());
        order.Status = OrderStatus.Shipped;
        order.StatusReason = null;
        await orders.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Order {OrderId} shipped by {Client} with {Carrier}, tracking {TrackingNumber}",
            order.Id, clientId, carrier, trackingNumber);
        return new ShippingOutcome.Shipped(order);
    }
}

public abstract record ShippingOutcome
{
    public sealed record Shipped(Order Order) : ShippingOutcome;

    public sealed record AlreadyShipped(Order Order) : ShippingOutcome;

    public sealed record NotFound : ShippingOutcome;

    public sealed record Refused(string Reason) : ShippingOutcome;
}
