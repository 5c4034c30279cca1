using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.Catalog.Api.Model;

namespace ShopAuthDemo.Catalog.Api.Infrastructure;

public static class CatalogSeed
{
    // Only into an empty catalog, so price changes survive restarts. Runs inside the seed's lock (DatabaseSeed), so
    // two replicas starting at once seed one catalog.
    public static async Task SeedAsync(CatalogContext catalog, CancellationToken cancellationToken)
    {
        if (!await catalog.Products.AnyAsync(cancellationToken))
        {
            catalog.Products.AddRange(Products());
            await catalog.SaveChangesAsync(cancellationToken);
        }
    }

    public static IReadOnlyList<Product> Products() =>
    [
        new() { Name = "Espresso beans 1 kg", Description = "Dark roast, single origin.", Price = 24.90m, Category = "Coffee" },
        new() { Name = "Pour-over kettle", Description = "Gooseneck, 1 litre.", Price = 39.00m, Category = "Brewing" },
        new() { Name = "Hand grinder", Description = "Conical steel burrs.", Price = 59.50m, Category = "Grinders" },
        new() { Name = "Paper filters (100)", Description = "Size 02, unbleached.", Price = 4.20m, Category = "Brewing" },
        new() { Name = "Milk jug", Description = "Stainless steel, 350 ml.", Price = 12.00m, Category = "Accessories" },
        new() { Name = "Tasting cups (set of 4)", Description = "Porcelain, 150 ml.", Price = 18.75m, Category = "Accessories" },
    ];
}
