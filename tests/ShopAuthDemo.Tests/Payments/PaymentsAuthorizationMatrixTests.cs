using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.Tests.Support;
using Xunit;
using static ShopAuthDemo.Tests.Payments.PaymentCallers;

namespace ShopAuthDemo.Tests.Payments;

// Who may do what on payments-api: aud payments-api, azp orders-api, and a customer as subject.
public sealed class PaymentsAuthorizationMatrixTests(PaymentsApiHost payments) : IClassFixture<PaymentsApiHost>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static TheoryData<string, HttpStatusCode> ChargeCases => new()
    {
        { AliceViaOrders, HttpStatusCode.Created },
        { AliceViaShopWeb, HttpStatusCode.Forbidden },
        { OrdersServiceAccount, HttpStatusCode.Forbidden },
        { Partner, HttpStatusCode.Forbidden },
        { StaffViaOrders, HttpStatusCode.Forbidden },
        { AliceTokenForOrdersApi, HttpStatusCode.Unauthorized },
        { NoToken, HttpStatusCode.Unauthorized },
    };

    public static TheoryData<string, HttpStatusCode> ReadAlicesPaymentCases => new()
    {
        { AliceViaOrders, HttpStatusCode.OK },
        { BobViaOrders, HttpStatusCode.NotFound },
        { AliceViaShopWeb, HttpStatusCode.Forbidden },
        { OrdersServiceAccount, HttpStatusCode.Forbidden },
        { Partner, HttpStatusCode.Forbidden },
        { StaffViaOrders, HttpStatusCode.Forbidden },
        { AliceTokenForOrdersApi, HttpStatusCode.Unauthorized },
        { NoToken, HttpStatusCode.Unauthorized },
    };

    // Any valid token minted for payments-api may ask what it looks like; nothing else may.
    public static TheoryData<string, HttpStatusCode> WhoAmICases => new()
    {
        { AliceViaOrders, HttpStatusCode.OK },
        { AliceViaShopWeb, HttpStatusCode.OK },
        { OrdersServiceAccount, HttpStatusCode.OK },
        { Partner, HttpStatusCode.OK },
        { AliceTokenForOrdersApi, HttpStatusCode.Unauthorized },
        { NoToken, HttpStatusCode.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(ChargeCases))]
    public async Task Only_a_customer_token_exchanged_by_orders_api_can_charge(string caller, HttpStatusCode expected)
    {
        var orderId = Guid.NewGuid();

        var response = await payments.Client(caller).PostAsJsonAsync("/api/payments", new { orderId, amount = 12.50m }, Cancellation);

        Assert.Equal(expected, response.StatusCode);
        var stored = await payments.QueryAsync(db => db.Payments.CountAsync(p => p.OrderId == orderId, Cancellation));
        Assert.Equal(expected == HttpStatusCode.Created ? 1 : 0, stored);
    }

    [Theory]
    [MemberData(nameof(ReadAlicesPaymentCases))]
    public async Task Only_alice_via_orders_api_can_read_alices_payment(string caller, HttpStatusCode expected)
    {
        var orderId = Guid.NewGuid();
        var charged = await payments.Client(AliceViaOrders).PostAsJsonAsync("/api/payments", new { orderId, amount = 7.00m }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, charged.StatusCode);

        var response = await payments.Client(caller).GetAsync($"/api/payments/{orderId}", Cancellation);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(WhoAmICases))]
    public async Task Whoami_answers_any_token_for_payments_api(string caller, HttpStatusCode expected)
    {
        var response = await payments.Client(caller).GetAsync("/whoami", Cancellation);

        Assert.Equal(expected, response.StatusCode);
    }
}
