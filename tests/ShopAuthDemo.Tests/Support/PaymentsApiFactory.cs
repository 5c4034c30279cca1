using ShopAuthDemo.Payments.Api.Infrastructure;

namespace ShopAuthDemo.Tests.Support;

public sealed class PaymentsApiFactory(TestTokenIssuer tokens, TemporaryDatabase database)
    : ApiFactory<PaymentsContext>(tokens, new()
    {
        ["Identity:Authority"] = TestTokenIssuer.Authority,
        ["Identity:Audience"] = "payments-api",
        ["ConnectionStrings:paymentsdb"] = database.ConnectionString,
    });
