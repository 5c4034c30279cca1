using ShopAuthDemo.Web.Authentication.Problems;

namespace ShopAuthDemo.Shop.Web.Apis;

public sealed class CatalogClient(HttpClient http)
{
    public const string Name = "the catalog";

    public async Task<IReadOnlyList<Product>> GetProductsAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("/api/products", cancellationToken);
        return await response.ReadOrThrowAsync<List<Product>>(Name, cancellationToken);
    }
}
