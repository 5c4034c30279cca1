namespace ShopAuthDemo.Orders.Api.Model;

public enum OrderStatus
{
    /// <summary>Saved with catalog prices; payment not settled yet (payments-api was unreachable). Retry pays it.</summary>
    AwaitingPayment,

    /// <summary>payments-api captured the amount.</summary>
    Paid,

    /// <summary>payments-api declined the charge; retrying gets the same answer.</summary>
    PaymentDeclined,

    /// <summary>A shipping partner took the paid order and reported its tracking number.</summary>
    Shipped,
}
