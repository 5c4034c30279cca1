namespace ShopAuthDemo.Payments.Api.Model;

// Stands in for a payment provider. The one rule makes the failure path easy to try in the demo.
public static class DemoCardProcessor
{
    public const decimal DeclineAbove = 5_000.00m;

    public static PaymentStatus Charge(decimal amount) =>
        amount > DeclineAbove ? PaymentStatus.Declined : PaymentStatus.Captured;
}
