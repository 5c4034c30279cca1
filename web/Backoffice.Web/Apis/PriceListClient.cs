using System.Net.Http.Json;
using ShopAuthDemo.Web.Authentication.Problems;

namespace ShopAuthDemo.Backoffice.Web.Apis;

/// <summary>catalog-api's prices; changing one needs role admin and aud catalog-api (scope catalog).</summary>
public sealed class PriceListClient(HttpClient http)
{
    public const string Name = "the catalog";

    public async Task<IReadOnlyList<Product>> GetProductsAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("/api/products", cancellationToken);
        return await response.ReadOrThrowAsync<List<Product>>(Name, cancellationToken);
    }

    public async Task<Product> ChangePriceAsync(int productId, decimal price, CancellationToken cancellationToken)
    {
        using var response = await http.PutAsJsonAsync($"/api/products/{productId}/price", new PriceChange(price), cancellationToken);
        return await response.ReadOrThrowAsync<Product>(Name, cancellationToken);
    }
}
