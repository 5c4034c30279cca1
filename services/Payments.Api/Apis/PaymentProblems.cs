using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using ShopAuthDemo.Payments.Api.Model;

namespace ShopAuthDemo.Payments.Api.Apis;

// The answers a caller can cause, each with a reason it can show or log.
public static class PaymentProblems
{
    public static ProblemHttpResult Declined(Payment payment) => TypedResults.Problem(
        title: "Payment declined",
        detail: Invariant($"The payment of {payment.Amount:0.00} for order {payment.OrderId} was declined: this demo declines amounts above {DemoCardProcessor.DeclineAbove:N2}."),
        statusCode: StatusCodes.Status422UnprocessableEntity,
        extensions: new Dictionary<string, object?>
        {
            ["paymentId"] = payment.PaymentId,
            ["orderId"] = payment.OrderId,
            ["paymentStatus"] = payment.Status.ToString(),
        });

    public static ProblemHttpResult DifferentAmount(Payment payment, decimal requestedAmount) => TypedResults.Problem(
        title: "Order already charged",
        detail: Invariant($"Order {payment.OrderId} was already charged {payment.Amount:0.00}; a charge of {requestedAmount:0.00} cannot replace it."),
        statusCode: StatusCodes.Status409Conflict);

    // Says neither who paid nor how much: that is another customer's business.
    public static ProblemHttpResult PaidByAnotherCustomer(Guid orderId) => TypedResults.Problem(
        title: "Order already charged",
        detail: $"Order {orderId} already has a payment.",
        statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult NotFound(Guid orderId) => TypedResults.Problem(
        title: "Payment not found.",
        detail: $"There is no payment of yours for order {orderId}.",
        statusCode: StatusCodes.Status404NotFound);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
