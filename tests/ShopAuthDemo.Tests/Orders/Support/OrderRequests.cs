using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace ShopAuthDemo.Tests.Orders.Support;

public static class OrderRequests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>POST /api/orders with one line; the fake catalog prices every product at its UnitPrice (10 unless set).</summary>
    public static Task<HttpResponseMessage> PlaceOrderAsync(this HttpClient client, int productId = 1, int quantity = 1) =>
        client.PostAsJsonAsync("/api/orders", new { items = new[] { new { productId, quantity } } }, Ct);

    public static async Task<int> CountMyOrdersAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/orders", Ct)).GetArrayLength();

    public static Task<JsonElement> MyDecisionsAsync(this HttpClient client) =>
        client.GetFromJsonAsync<JsonElement>("/api/access-decisions/mine", Ct);

    public static int QuoteCalls(this FakeDownstream downstream) =>
        downstream.Calls.Count(call => call.StartsWith("POST catalog-api/api/internal/price-quotes", StringComparison.Ordinal));

    public static int PaymentCalls(this FakeDownstream downstream) =>
        downstream.Calls.Count(call => call.StartsWith("POST payments-api/api/payments", StringComparison.Ordinal));
}
