using System.Net;
using System.Text;
using System.Text.Json;
using ShopAuthDemo.Tests.Orders.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Orders;

/// <summary>
/// The resource of orders.place is the order priced by the catalog, read before the decision: priced once,
/// placed as decided, and never read, priced or placed for a caller the customer policy refuses.
/// </summary>
public sealed class PricedOrderTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly OrdersApiHost host = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task Catalog_down_is_a_503_as_before_and_no_order_is_placed()
    {
        host.Downstream.CatalogDown = true;
        using var alice = host.As(OrderTokens.Alice);

        using var response = await alice.PlaceOrderAsync();

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("The catalog is unavailable.", problem.Title);
        Assert.Equal(0, await alice.CountMyOrdersAsync());
        Assert.Equal(0, host.Downstream.PaymentCalls());
    }

    [Fact]
    public async Task The_order_is_priced_once_and_placed_at_the_total_the_rules_decided_on()
    {
        host.Downstream.UnitPrice = 13.37m;
        using var alice = host.As(OrderTokens.Alice);

        using var response = await alice.PlaceOrderAsync(quantity: 2);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, host.Downstream.QuoteCalls());
        var decided = (await alice.MyDecisionsAsync())[0].GetProperty("attributes").EnumerateArray()
            .Single(attribute => attribute.GetProperty("name").GetString() == "order.total");
        Assert.Equal("26.74", decided.GetProperty("value").GetString());
        Assert.Equal(26.74m, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("total").GetDecimal());
    }

    [Theory]
    [InlineData("carol-staff")]
    [InlineData("partner")]
    [InlineData("alice-without-orders-scope")]
    [InlineData("anonymous")]
    public async Task Callers_the_customer_policy_refuses_make_orders_api_read_nothing_and_ask_nobody(string caller)
    {
        using var client = OrderTokens.Named(caller) is { } token ? host.As(token) : host.Anonymous();

        using var response = await client.PlaceOrderAsync(3, quantity: 50);

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"{caller}: {response.StatusCode}");
        Assert.Equal(0, host.Downstream.QuoteCalls());
        Assert.Empty(host.Downstream.UserInfoCalls);
        // A refusal by role or scope, not by an access rule: no rule name, no step-up challenge.
        Assert.DoesNotContain("insufficient_user_authentication", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Body_larger_than_the_bound_is_a_413_problem_without_asking_the_catalog()
    {
        var padding = new string(' ', 70 * 1024);
        using var body = new StringContent($$"""{ "items": [ { "productId": 1, "quantity": 1 } ] {{padding}} }""", Encoding.UTF8, "application/json");

        using var response = await host.As(OrderTokens.Alice).PostAsync("/api/orders", body, Ct);

        await response.AssertProblemDetailsAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, host.Downstream.QuoteCalls());
    }

    [Fact]
    public async Task Body_that_is_not_json_is_a_415_problem_as_model_binding_gave()
    {
        using var body = new StringContent("items=1", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await host.As(OrderTokens.Alice).PostAsync("/api/orders", body, Ct);

        await response.AssertProblemDetailsAsync(HttpStatusCode.UnsupportedMediaType);
    }
}
