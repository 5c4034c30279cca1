using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ShopAuthDemo.Orders.Api.Model;

namespace ShopAuthDemo.Orders.Api.Infrastructure;

// Abstract: the engine is chosen at start, as one of the subclasses in OrdersEngines.cs.
public abstract class OrdersContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Order> Orders => Set<Order>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>(order =>
        {
            // Every customer query filters by buyer: index it.
            order.HasIndex(o => o.BuyerId);
            order.Property(o => o.Status).HasConversion<string>().HasMaxLength(32);
            order.Property(o => o.Total).HasConversion(Cents.Converter);
            // SQLite cannot order by DateTimeOffset; UTC ticks sort the same way.
            order.Property(o => o.PlacedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
            order.OwnsMany(o => o.Lines, line =>
            {
                line.ToTable("OrderLines");
                line.HasKey(l => l.Id);
                line.Property(l => l.UnitPrice).HasConversion(Cents.Converter);
            });
            order.OwnsOne(o => o.Payment);
            // Columns of the order itself: an order has at most one shipment, so shipping twice cannot duplicate it.
            order.OwnsOne(o => o.Shipment);
        });
    }
}
