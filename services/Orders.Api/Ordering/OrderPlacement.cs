using System.Security.Claims;
using ShopAuthDemo.Orders.Api.Downstream;
using ShopAuthDemo.Orders.Api.Infrastructure;
using ShopAuthDemo.Orders.Api.Model;
using ShopAuthDemo.Orders.Api.PaidOrders;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.Orders.Api.Ordering;

/// <summary>
/// Placing an order: at the catalog's prices (quoted as orders-api, once, before the access rules decided
/// on it: see PolicyInformationPoint/PricedOrderSource), then the charge (on the customer's behalf).
/// The order is saved before it is charged, so a failure afterwards leaves a clear, payable order.
/// </summary>
public sealed class OrderPlacement(OrdersContext orders, PaymentsClient payments, PaidOrderSignal paidOrders, TimeProvider time,
    ILogger<OrderPlacement> logger)
{
    public async Task<Order> PlaceAsync(ClaimsPrincipal buyer, PriceQuote quote, CancellationToken cancellationToken)
    {
        var order = new Order
        {
            BuyerId = buyer.GetSubject()!,
            BuyerName = buyer.FindFirstValue(JwtClaimTypes.PreferredUsername) ?? "unknown",
            PlacedAt = time.GetUtcNow(),
            Total = quote.Total,
            Lines = [.. quote.Lines.Select(l => new OrderLine
            {
                ProductId = l.ProductId, ProductName = l.Name, UnitPrice = l.UnitPrice, Quantity = l.Quantity,
            })],
        };
        orders.Orders.Add(order);
        await orders.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Order {OrderId} placed by {Sub} for {Total}", order.Id, order.BuyerId, order.Total);

        await PayAsync(order, cancellationToken);
        return order;
    }

    /// <summary>Charges an unpaid order; safe to call again because payments-api is idempotent per order.</summary>
    public async Task PayAsync(Order order, CancellationToken cancellationToken)
    {
        switch (await payments.ChargeAsync(order.Id, order.Total, cancellationToken))
        {
            case ChargeOutcome.Captured(var receipt):
                order.Status = OrderStatus.Paid;
                order.StatusReason = null;
                order.Payment = new Payment(receipt.PaymentId, receipt.PayerSub, receipt.PayerUsername, receipt.ChargedVia, receipt.ChargedAt);
                break;
            case ChargeOutcome.Declined(var reason):
                order.Status = OrderStatus.PaymentDeclined;
                order.StatusReason = reason;
                break;
            case ChargeOutcome.NotSettled(var reason):
                order.Status = OrderStatus.AwaitingPayment;
                order.StatusReason = reason + " Your order is saved; pay it again later.";
                break;
        }
        await orders.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Order {OrderId} is {Status}", order.Id, order.Status);
        // Saved first: a partner woken now finds the order paid.
        if (order.Status == OrderStatus.Paid) await paidOrders.AnnounceAsync(cancellationToken);
    }
}
