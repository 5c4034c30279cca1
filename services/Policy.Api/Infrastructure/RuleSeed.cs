using ShopAuthDemo.Policy.Api.Rules;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.Policy.Api.Infrastructure;

/// <summary>The rules of a new installation: one of each kind, so every decision path can be tried.</summary>
public static class RuleSeed
{
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
