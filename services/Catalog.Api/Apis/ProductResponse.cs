using ShopAuthDemo.Catalog.Api.Model;

namespace ShopAuthDemo.Catalog.Api.Apis;

public sealed record ProductResponse(int Id, string Name, string Description, decimal Price, string Category)
{
    public static ProductResponse From(Product product) =>
        new(product.Id, product.Name, product.Description, product.Price, product.Category);
}
