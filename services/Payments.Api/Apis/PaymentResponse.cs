using ShopAuthDemo.Payments.Api.Model;

namespace ShopAuthDemo.Payments.Api.Apis;

public sealed record PaymentResponse(
    Guid PaymentId,
    Guid OrderId,
    decimal Amount,
    string Status,
    string PayerSub,
    string? PayerUsername,
    string ChargedVia,
    DateTimeOffset ChargedAt)
{
    public static PaymentResponse From(Payment payment) => new(
        payment.PaymentId, payment.OrderId, payment.Amount, payment.Status.ToString(),
        payment.PayerSub, payment.PayerUsername, payment.ChargedVia, payment.ChargedAt);
}
