using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShopAuthDemo.Tests.Orders.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Orders;

public sealed class OrderPlacementTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly OrdersApiHost _host = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<JsonElement> PlaceAsync(HttpClient client, int productId = 1, int quantity = 2)
    {
        using var response = await client.PostAsJsonAsync("/api/orders", new { items = new[] { new { productId, quantity } } }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task Order_is_priced_by_the_catalog_and_paid()
    {
        var order = await PlaceAsync(_host.As(OrderTokens.Alice), quantity: 3);

        Assert.Equal("Paid", order.GetProperty("status").GetString());
        Assert.Equal(30m, order.GetProperty("total").GetDecimal());
        Assert.Equal("orders-api", order.GetProperty("payment").GetProperty("chargedVia").GetString());
    }

    [Fact]
    public async Task Catalog_and_policy_api_are_called_with_client_credentials_tokens_and_payments_with_an_exchanged_one()
    {
        await PlaceAsync(_host.As(OrderTokens.Alice));

        Assert.Equal(
            [
                "client_credentials audience= scope=catalog",
                "client_credentials audience= scope=policies",
                "urn:ietf:params:oauth:grant-type:token-exchange audience=payments-api scope=payments",
            ],
            _host.Downstream.TokenGrants.Order());
        Assert.Contains(_host.Downstream.Calls, c => c.StartsWith("POST catalog-api/api/internal/price-quotes Bearer token-"));
        Assert.Contains(_host.Downstream.Calls, c => c.StartsWith("POST payments-api/api/payments Bearer token-"));
        Assert.Contains(_host.Downstream.Calls, c => c.StartsWith("GET policy-api/api/rules Bearer token-"));
    }

    [Fact]
    public async Task Customer_sees_only_her_own_orders_and_another_users_order_is_404()
    {
        var alices = await PlaceAsync(_host.As(OrderTokens.Alice));
        var id = alices.GetProperty("id").GetString();

        using var bob = _host.As(OrderTokens.Bob);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/orders/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsync($"/api/orders/{id}/payment", null, Ct)).StatusCode);
        Assert.Empty((await bob.GetFromJsonAsync<JsonElement>("/api/orders", Ct)).EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await _host.As(OrderTokens.Alice).GetAsync($"/api/orders/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Staff_see_every_customers_orders()
    {
        await PlaceAsync(_host.As(OrderTokens.Alice));
        await PlaceAsync(_host.As(OrderTokens.Bob));

        var all = await _host.As(OrderTokens.Carol).GetFromJsonAsync<JsonElement>("/api/staff/orders", Ct);

        Assert.Equal(["alice", "bob"], all.EnumerateArray().Select(o => o.GetProperty("buyerName").GetString()).Order());
    }

    [Fact]
    public async Task Payments_down_leaves_the_order_awaiting_payment_and_a_retry_pays_it()
    {
        _host.Downstream.PaymentsDown = true;
        var order = await PlaceAsync(_host.As(OrderTokens.Alice));
        Assert.Equal("AwaitingPayment", order.GetProperty("status").GetString());
        Assert.Contains("pay it again later", order.GetProperty("statusReason").GetString());

        _host.Downstream.PaymentsDown = false;
        using var retry = await _host.As(OrderTokens.Alice).PostAsync($"/api/orders/{order.GetProperty("id").GetString()}/payment", null, Ct);

        Assert.Equal("Paid", (await retry.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Declined_payment_is_recorded_with_the_reason()
    {
        _host.Downstream.UnitPrice = 6000m;

        var order = await PlaceAsync(_host.As(OrderTokens.Alice), quantity: 1);

        Assert.Equal("PaymentDeclined", order.GetProperty("status").GetString());
        Assert.Contains("declined", order.GetProperty("statusReason").GetString());
    }

    [Fact]
    public async Task Unknown_product_is_a_400_that_says_which_and_stores_nothing()
    {
        using var alice = _host.As(OrderTokens.Alice);
        using var response = await alice.PostAsJsonAsync("/api/orders",
            new { items = new[] { new { productId = int.Parse(FakeDownstream.UnknownProductId), quantity = 1 } } }, Ct);

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Product 404", string.Join(' ', problem.Errors.SelectMany(e => e.Value)));
        Assert.Empty((await alice.GetFromJsonAsync<JsonElement>("/api/orders", Ct)).EnumerateArray());
    }

    [Theory]
    [InlineData("""{ "items": [] }""")]
    [InlineData("""{ "items": [ { "productId": 1, "quantity": 0 } ] }""")]
    [InlineData("""{ "items": [ { "productId": 1, "quantity": 101 } ] }""")]
    [InlineData("""{ "items": "not a list" }""")]
    [InlineData("""{ not json""")]
    public async Task Invalid_order_is_400_problem_details(string body)
    {
        using var response = await _host.As(OrderTokens.Alice).PostAsync("/api/orders",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        await response.AssertProblemDetailsAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Orders_survive_a_restart()
    {
        var order = await PlaceAsync(_host.As(OrderTokens.Alice));

        await _host.RestartAsync();

        var again = await _host.As(OrderTokens.Alice).GetFromJsonAsync<JsonElement>($"/api/orders/{order.GetProperty("id").GetString()}", Ct);
        Assert.Equal("Paid", again.GetProperty("status").GetString());
    }
}
