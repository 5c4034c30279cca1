namespace ShopAuthDemo.Payments.Api.Model;

public enum PaymentStatus
{
    Captured,
    Declined,
}
