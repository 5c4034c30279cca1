using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.Payments.Api.Model;

namespace ShopAuthDemo.Payments.Api.Infrastructure;

// Abstract: the engine is chosen at start, as one of the subclasses in PaymentsEngines.cs.
public abstract class PaymentsContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Payment> Payments => Set<Payment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Payment>(payment =>
        {
            payment.HasKey(p => p.PaymentId);
            // One payment per order, enforced by the database: two concurrent charges for the same
            // order cannot both be inserted, whatever the code above it does.
            payment.HasIndex(p => p.OrderId).IsUnique();
            payment.Property(p => p.PayerSub).HasMaxLength(255);
            payment.Property(p => p.PayerUsername).HasMaxLength(255);
            payment.Property(p => p.ChargedVia).HasMaxLength(255);
            payment.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            // SQLite has no decimal type; whole cents in an INTEGER column are exact.
            payment.Property(p => p.Amount)
                .HasConversion(amount => (long)(amount * 100), cents => cents / 100m);
        });
    }
}
