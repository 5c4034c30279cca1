using System.Net.Http.Json;
using ShopAuthDemo.Web.Authentication.Problems;

namespace ShopAuthDemo.Shop.Web.Apis;

/// <summary>orders-api, called as the signed-in customer (UserAccessTokenHandler adds her token).</summary>
public sealed class OrdersClient(HttpClient http)
{
    public const string Name = "the order service";

    public async Task<Order> PlaceOrderAsync(PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/api/orders", request, cancellationToken);
        return await response.ReadOrThrowAsync<Order>(Name, cancellationToken);
    }

    public async Task<IReadOnlyList<Order>> GetMyOrdersAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("/api/orders", cancellationToken);
        return await response.ReadOrThrowAsync<List<Order>>(Name, cancellationToken);
    }

    public async Task<IdentityChain> GetIdentityChainAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("/whoami", cancellationToken);
        return await response.ReadOrThrowAsync<IdentityChain>(Name, cancellationToken);
    }
}
