using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ShopAuthDemo.Testing.AppHost;

/// <summary>orders-api as the shop calls it: an order of (product, quantity) lines.</summary>
public static class OrdersClient
{
    public static Task<HttpResponseMessage> PostOrderAsync(this HttpClient orders, CancellationToken cancellationToken,
        params (int ProductId, int Quantity)[] lines) =>
        orders.PostAsJsonAsync("/api/orders",
            new { items = lines.Select(line => new { productId = line.ProductId, quantity = line.Quantity }) }, cancellationToken);

    /// <summary>Places the order and returns it; anything but 201 fails the test with the status and body.</summary>
    public static async Task<JsonElement> PlaceOrderAsync(this HttpClient orders, CancellationToken cancellationToken,
        params (int ProductId, int Quantity)[] lines)
    {
        using var response = await orders.PostOrderAsync(cancellationToken, lines);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/orders: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
