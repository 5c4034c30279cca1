namespace ShopAuthDemo.Payments.Api.Model;

// One charge attempt per order; a declined one is kept so a retry gets the same answer.
public sealed class Payment
{
    public Guid PaymentId { get; set; }

    public Guid OrderId { get; set; }

    public decimal Amount { get; set; }

    // Who paid and through which service, both taken from the token, never from the request body.
    public required string PayerSub { get; set; }

    public string? PayerUsername { get; set; }

    public required string ChargedVia { get; set; }

    public DateTimeOffset ChargedAt { get; set; }

    public PaymentStatus Status { get; set; }
}
