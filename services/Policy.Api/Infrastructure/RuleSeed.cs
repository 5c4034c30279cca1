using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.Policy.Api.Rules;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.Policy.Api.Infrastructure;

/// <summary>The rules of a new installation: one of each kind, so every decision path can be tried.</summary>
public static class RuleSeed
{
    // The version row exists exactly when the rules were seeded: seeding only then keeps an admin's changes (even
    // deleting every rule, were that possible) across restarts. Runs inside the seed's lock (DatabaseSeed), so two
    // replicas starting at once seed one rule set.
    public static async Task SeedAsync(PolicyContext policy, CancellationToken cancellationToken)
    {
        if (await policy.Versions.AnyAsync(cancellationToken))
        {
            return;
        }

        policy.Rules.AddRange(Rules());
        policy.Versions.Add(new RulesVersion { Version = 1 });
        await policy.SaveChangesAsync(cancellationToken);

        if (policy.Database.IsNpgsql())
        {
            // The seed brings its own ids, which a PostgreSQL identity column does not count: move it past them,
            // or the first rule an admin creates would collide with rule 1.
            await policy.Database.ExecuteSqlRawAsync(
                """SELECT setval(pg_get_serial_sequence('"Rules"', 'Id'), (SELECT MAX("Id") FROM "Rules"))""", cancellationToken);
        }
    }

    public static IReadOnlyList<StoredRule> Rules() =>
    [
        new()
        {
            Id = 1, Name = "Large orders need a recent sign-in", Kind = RuleKind.StepUp, Enabled = true,
            Parameters = new() { AmountAbove = 100m, MaxAgeMinutes = 5 },
        },
        new()
        {
            Id = 2, Name = "No grinders to the US", Kind = RuleKind.Location, Enabled = true,
            Parameters = new() { Countries = ["US"], Category = "Grinders" },
        },
        // Disabled: enabled, every price change in a test or a demo would depend on the clock.
        new()
        {
            Id = 3, Name = "Price changes on weekdays, office hours", Kind = RuleKind.Time, Enabled = false,
            Parameters = new()
            {
                Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
                From = new TimeOnly(7, 0), Until = new TimeOnly(19, 0), TimeZone = "Europe/Berlin",
            },
        },
        new()
        {
            Id = 4, Name = "Big price changes need a pricing lead", Kind = RuleKind.Group, Enabled = true,
            Parameters = new() { PercentAbove = 20m, Group = "pricing-leads" },
        },
        // Disabled: enabled, nobody but Northwind Traders' people could order grinders (alice, in the tests, too).
        new()
        {
            Id = 5, Name = "Grinders are trade-only: Northwind Traders", Kind = RuleKind.Company, Enabled = false,
            Parameters = new() { Companies = ["Northwind Traders"], Category = "Grinders" },
        },
    ];
}
