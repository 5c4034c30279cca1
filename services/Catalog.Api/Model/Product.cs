namespace ShopAuthDemo.Catalog.Api.Model;

public sealed class Product
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Description { get; set; }

    public decimal Price { get; set; }

    /// <summary>What access rules know a product by, e.g. "Grinders" (a location rule may keep them from some countries).</summary>
    public required string Category { get; set; }
}
