using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ShopAuthDemo.Policy.Api.Rules;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.Policy.Api.Infrastructure;

// Abstract: the engine is chosen at start, as one of the subclasses in PolicyEngines.cs.
public abstract class PolicyContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<StoredRule> Rules => Set<StoredRule>();

    public DbSet<RulesVersion> Versions => Set<RulesVersion>();

    public DbSet<RuleAuditEntry> Audit => Set<RuleAuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StoredRule>(rule =>
        {
            rule.Property(r => r.Name).HasMaxLength(RuleValidation.MaxNameLength);
            rule.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            // Compared as JSON: a new parameters record with the same values is no change.
            rule.Property(r => r.Parameters).HasConversion(
                parameters => RuleJson.Serialize(parameters),
                json => RuleJson.Deserialize<RuleParameters>(json),
                new ValueComparer<RuleParameters>(
                    (a, b) => RuleJson.Serialize(a) == RuleJson.Serialize(b),
                    parameters => RuleJson.Serialize(parameters).GetHashCode(StringComparison.Ordinal),
                    parameters => parameters));
        });

        modelBuilder.Entity<RulesVersion>().Property(v => v.Id).ValueGeneratedNever();

        modelBuilder.Entity<RuleAuditEntry>(entry =>
        {
            entry.HasIndex(e => e.RuleId);
            entry.Property(e => e.Who).HasMaxLength(255);
            entry.Property(e => e.WhoSub).HasMaxLength(255);
            entry.Property(e => e.Change).HasMaxLength(20);
            entry.Property(e => e.Before).HasConversion(
                rule => rule == null ? null : RuleJson.Serialize(rule),
                json => json == null ? null : RuleJson.Deserialize<AccessRule>(json));
            entry.Property(e => e.After).HasConversion(rule => RuleJson.Serialize(rule), json => RuleJson.Deserialize<AccessRule>(json));
        });
    }
}
