namespace ShopAuthDemo.Shop.Web.Apis;

// catalog-api's GET /api/products item.
public sealed record Product(int Id, string Name, string Description, decimal Price);
