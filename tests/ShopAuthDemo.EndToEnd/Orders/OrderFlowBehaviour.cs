using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShopAuthDemo.Testing.AppHost;

namespace ShopAuthDemo.EndToEnd.Orders;

/// <summary>
/// One order through the running system: alice's token at orders-api, orders-api's own token at
/// catalog-api (client credentials), alice's identity at payments-api (token exchange).
/// </summary>
public abstract class OrderFlowBehaviour(AppHostFixture appHost)
{
    private CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private async Task<HttpClient> OrdersAsAsync(string username) =>
        appHost.CreateHttpClient("orders-api").WithBearer(await appHost.SignInAsync(username, "openid orders", Cancellation));

    private Task<JsonElement> PlaceOrderAsync(HttpClient orders) => orders.PlaceOrderAsync(Cancellation, (1, 2), (2, 1));

    [Fact]
    public async Task Alice_places_an_order_and_payments_records_her_as_payer_via_orders_api()
    {
        SkipUnlessStarted();
        using var orders = await OrdersAsAsync("alice");

        var order = await PlaceOrderAsync(orders);

        Assert.Equal("Paid", order.GetProperty("status").GetString());
        var payment = order.GetProperty("payment");
        Assert.Equal("alice", payment.GetProperty("payer").GetString());
        Assert.Equal("orders-api", payment.GetProperty("chargedVia").GetString());
        Assert.True(order.GetProperty("total").GetDecimal() > 0);
    }

    [Fact]
    public async Task Identity_chain_shows_what_each_api_saw()
    {
        SkipUnlessStarted();
        using var orders = await OrdersAsAsync("alice");

        var chain = await orders.GetFromJsonAsync<JsonElement>("/whoami", Cancellation);

        var atOrders = chain.GetProperty("ordersApi");
        Assert.Equal("alice", atOrders.GetProperty("preferred_username").GetString());
        Assert.Equal("shop-web", atOrders.GetProperty("azp").GetString());
        var atCatalog = chain.GetProperty("catalogApi").GetProperty("saw");
        Assert.Equal("service-account-orders-api", atCatalog.GetProperty("preferred_username").GetString());
        Assert.Equal("orders-api", atCatalog.GetProperty("azp").GetString());
        var atPayments = chain.GetProperty("paymentsApi").GetProperty("saw");
        Assert.Equal("alice", atPayments.GetProperty("preferred_username").GetString());
        Assert.Equal("orders-api", atPayments.GetProperty("azp").GetString());
        Assert.Equal(["payments-api"], atPayments.GetProperty("aud").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Bob_cannot_read_alices_order()
    {
        SkipUnlessStarted();
        using var alice = await OrdersAsAsync("alice");
        var order = await PlaceOrderAsync(alice);
        using var bob = await OrdersAsAsync("bob");

        using var response = await bob.GetAsync($"/api/orders/{order.GetProperty("id").GetString()}", Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var bobsOrders = await bob.GetFromJsonAsync<JsonElement>("/api/orders", Cancellation);
        Assert.DoesNotContain(bobsOrders.EnumerateArray(), o => o.GetProperty("id").GetString() == order.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Alices_shop_token_is_refused_by_payments_api()
    {
        SkipUnlessStarted();
        // Her token was minted for orders-api; only an exchanged token (aud payments-api) gets in.
        using var payments = appHost.CreateHttpClient("payments-api")
            .WithBearer(await appHost.SignInAsync("alice", "openid orders", Cancellation));

        using var response = await payments.PostAsJsonAsync("/api/payments", new { orderId = Guid.NewGuid(), amount = 1m }, Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Many_orders_reuse_one_client_credentials_token()
    {
        SkipUnlessStarted();
        var log = appHost.IdentityProviderLog;
        if (log is null) Assert.Skip("Counting token requests reads the local identity provider's log; Keycloak does not log them.");
        using var orders = await OrdersAsAsync("alice");
        var beforeFirst = await log.SettledCountAsync(ClientCredentialsLogLine, Cancellation);
        await PlaceOrderAsync(orders);
        var afterFirst = await log.SettledCountAsync(ClientCredentialsLogLine, Cancellation);
        var exchangesAfterFirst = log.Count(TokenExchangeLogLine);

        for (var i = 0; i < 5; i++) await PlaceOrderAsync(orders);

        var afterMany = await log.SettledCountAsync(ClientCredentialsLogLine, Cancellation);
        var exchangesAfterMany = log.Count(TokenExchangeLogLine);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"client credentials tokens issued to orders-api: {afterFirst - beforeFirst} for the first order, {afterMany - afterFirst} for the next 5; " +
            $"token exchanges for the next 5 (same user): {exchangesAfterMany - exchangesAfterFirst}");
        // The log is read at all: orders-api has fetched its token at least once by now.
        Assert.True(afterFirst >= 1, "no client credentials token for orders-api in the identity provider's log");
        Assert.InRange(afterFirst - beforeFirst, 0, 1);
        Assert.Equal(0, afterMany - afterFirst);
        // The same user's token exchanged for the same audience is cached too (keyed by a hash of her token).
        Assert.Equal(0, exchangesAfterMany - exchangesAfterFirst);
    }

    // What Identity.Local logs for each client credentials token it issues to orders-api.
    private const string ClientCredentialsLogLine = "Client credentials token for orders-api";
    private const string TokenExchangeLogLine = "Token exchange by orders-api";

    private void SkipUnlessStarted()
    {
        if (appHost.SkipReason is { } reason) Assert.Skip(reason);
    }
}
