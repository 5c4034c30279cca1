using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.Tests.Support;

/// <summary>The rules policy-api seeds on its first start (the brief's contract), as the services receive them.</summary>
public static class SeededAccessRules
{
    public const int StepUpId = 1;
    public const int LocationId = 2;
    public const int TimeId = 3;
    public const int GroupId = 4;
    public const int CompanyId = 5;

    public static readonly AccessRule StepUp = new(StepUpId, "Large orders need a recent sign-in", RuleKind.StepUp, Enabled: true,
        new RuleParameters { AmountAbove = 100m, MaxAgeMinutes = 5 });

    public static readonly AccessRule Location = new(LocationId, "No grinders to the US", RuleKind.Location, Enabled: true,
        new RuleParameters { Countries = ["US"], Category = "Grinders" });

    // Disabled in the seed: enabled, it would make every price change depend on the clock.
    public static readonly AccessRule Time = new(TimeId, "Price changes on weekdays, office hours", RuleKind.Time, Enabled: false,
        new RuleParameters
        {
            Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            From = new TimeOnly(7, 0),
            Until = new TimeOnly(19, 0),
            TimeZone = "Europe/Berlin",
        });

    public static readonly AccessRule Group = new(GroupId, "Big price changes need a pricing lead", RuleKind.Group, Enabled: true,
        new RuleParameters { PercentAbove = 20m, Group = "pricing-leads" });

    // Disabled in the seed: enabled, only Northwind Traders' people could order grinders.
    public static readonly AccessRule Company = new(CompanyId, "Grinders are trade-only: Northwind Traders", RuleKind.Company, Enabled: false,
        new RuleParameters { Companies = ["Northwind Traders"], Category = "Grinders" });

    public static IReadOnlyList<AccessRule> All => [StepUp, Location, Time, Group, Company];

    public static AccessRulesDocument Document(long version = 1) => new(version, All);
}
