using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.Catalog.Api.Model;

namespace ShopAuthDemo.Catalog.Api.Infrastructure;

// Abstract: the engine is chosen at start, as one of the subclasses in CatalogEngines.cs.
public abstract class CatalogContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Product> Products => Set<Product>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Product>(product =>
        {
            product.Property(p => p.Name).HasMaxLength(100);
            product.Property(p => p.Description).HasMaxLength(500);
            product.Property(p => p.Category).HasMaxLength(100);
            // SQLite has no decimal type: EF would store TEXT, which sorts "10.00" before "9.00".
            // Whole cents in an INTEGER column are exact and compare correctly in SQL.
            product.Property(p => p.Price)
                .HasConversion(price => (long)(price * 100), cents => cents / 100m);
        });
    }
}
