using System.Net.Http.Json;
using System.Text.Json;

namespace ShopAuthDemo.Resilience.Infrastructure;

/// <summary>orders-api as the shop calls it: one small order (well under the demo's decline limit).</summary>
public static class Orders
{
    public static Task<HttpResponseMessage> PostOrderAsync(this HttpClient orders, int productId, CancellationToken cancellationToken) =>
        orders.PostAsJsonAsync("/api/orders", new { items = new[] { new { productId, quantity = 1 } } }, cancellationToken);

    public static async Task<JsonElement> PlaceOrderAsync(this HttpClient orders, CancellationToken cancellationToken)
    {
        using var response = await orders.PostOrderAsync(1, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"POST /api/orders: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
