using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.Tests.MutualTls.Support;
using ShopAuthDemo.Tests.Payments;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.MutualTls;

// payments-api charges only over a connection from orders-api: a customer's token exchanged by orders-api,
// replayed by anything else (the gateway, a stolen copy), is refused although the token itself is right.
public sealed class PaymentsPeerServiceTests(PaymentsApiWithMutualTls payments) : IClassFixture<PaymentsApiWithMutualTls>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Exchanged_token_over_a_connection_from_orders_api_charges()
    {
        using var orders = payments.Certificates.For("orders-api");

        var response = await ChargeAsync(payments.Https(orders), Guid.NewGuid());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Same_token_over_a_connection_from_the_gateway_is_403()
    {
        using var gateway = payments.Certificates.For("gateway");
        var orderId = Guid.NewGuid();

        var response = await ChargeAsync(payments.Https(gateway), orderId);

        await response.AssertProblemDetailsAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, await payments.Api.QueryAsync(db => db.Payments.CountAsync(p => p.OrderId == orderId, Cancellation)));
    }

    [Fact]
    public async Task Same_token_over_a_connection_without_client_certificate_never_reaches_the_charge()
    {
        // Kestrel ends such a connection in the handshake; should one ever get through, the service's guard
        // (which asks the connection for its certificate) answers before any endpoint or rule.
        var response = await ChargeAsync(payments.Https(), Guid.NewGuid());

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.NotFound);
        Assert.Equal("Health checks only", problem.Title);
    }

    [Fact]
    public async Task Whoami_shows_the_peer_service_next_to_the_token()
    {
        using var orders = payments.Certificates.For("orders-api");

        var whoami = await payments.Https(orders).WithBearer(payments.Api.Tokens.CreateToken(PaymentCallers.Alice))
            .GetFromJsonAsync<JsonElement>("/whoami", Cancellation);

        Assert.Equal("orders-api", whoami.GetProperty("peer").GetString());
        Assert.Equal("orders-api", whoami.GetProperty("azp").GetString());
    }

    // Alice's token as orders-api gets it by token exchange: aud payments-api, azp orders-api, role customer.
    private Task<HttpResponseMessage> ChargeAsync(HttpClient connection, Guid orderId) =>
        connection.WithBearer(payments.Api.Tokens.CreateToken(PaymentCallers.Alice))
            .PostAsJsonAsync("/api/payments", new { orderId, amount = 12.50m }, Cancellation);
}
