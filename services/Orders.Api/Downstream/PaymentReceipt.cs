namespace ShopAuthDemo.Orders.Api.Downstream;

// The shape of payments-api's answer to POST /api/payments.
public sealed record PaymentReceipt(
    Guid PaymentId,
    Guid OrderId,
    decimal Amount,
    string PayerSub,
    string? PayerUsername,
    string ChargedVia,
    DateTimeOffset ChargedAt,
    string Status);

/// <summary>How a charge ended: captured, declined (final), or not settled (payments-api unreachable; retry).</summary>
public abstract record ChargeOutcome
{
    public sealed record Captured(PaymentReceipt Receipt) : ChargeOutcome;

    public sealed record Declined(string Reason) : ChargeOutcome;

    public sealed record NotSettled(string Reason) : ChargeOutcome;
}
