using BenchmarkDotNet.Attributes;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.Benchmarks;

// One decision of the PDP on the full seeded rule set with all four kinds enabled (the office-hours rule
// too), on the path that evaluates every rule of the action: each is satisfied, none stops early. What a
// request pays for the decision itself; the attributes are gathered before (PIP) and are not measured here.
[Config(typeof(ShortRunConfig))]
[MemoryDiagnoser]
[MedianColumn]
public class AccessDecisionBenchmarks
{
    // Monday 2 March 2026, 12:00 in Berlin: inside the office-hours window.
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 11, 0, 0, TimeSpan.Zero);

    private AccessRuleSet rules = null!;
    private AccessRequest order = null!;
    private AccessRequest priceChange = null!;

    [GlobalSetup]
    public void Setup()
    {
        rules = AccessRuleSet.From(new AccessRulesDocument(1,
        [
            new(1, "Large orders need a recent sign-in", RuleKind.StepUp, true, new() { AmountAbove = 100m, MaxAgeMinutes = 5 }),
            new(2, "No grinders to the US", RuleKind.Location, true, new() { Countries = ["US"], Category = "Grinders" }),
            new(3, "Price changes on weekdays, office hours", RuleKind.Time, true, new()
            {
                Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
                From = new(7, 0), Until = new(19, 0), TimeZone = "Europe/Berlin",
            }),
            new(4, "Big price changes need a pricing lead", RuleKind.Group, true, new() { PercentAbove = 20m, Group = "pricing-leads" }),
        ]));

        order = new AccessRequest
        {
            Action = AccessActions.PlaceOrder,
            Subject = new("8f14e45f-alice", AttributeSource.AccessToken),
            AuthenticatedAt = new(Now.AddMinutes(-2), AttributeSource.AccessToken),
            Country = new("DE", AttributeSource.UserInfo),
            OrderTotal = new(159.40m, AttributeSource.Resource),
            ProductCategories = new(["Coffee", "Grinders"], AttributeSource.Resource),
            Now = new(Now, AttributeSource.Clock),
        };
        priceChange = new AccessRequest
        {
            Action = AccessActions.ChangePrice,
            Subject = new("c4ca4238-carol", AttributeSource.AccessToken),
            Groups = new(["staff", "pricing-leads"], AttributeSource.AccessToken),
            PriceChangePercent = new(49.8m, AttributeSource.Resource),
            Now = new(Now, AttributeSource.Clock),
        };

        if (rules.Decide(order).Outcome != DecisionOutcome.Permit || rules.Decide(priceChange).Outcome != DecisionOutcome.Permit)
            throw new InvalidOperationException("The benchmark requests must pass every rule.");
    }

    [Benchmark(Description = "Decide orders.place (step-up + location)")]
    public AccessDecision PlaceOrder() => rules.Decide(order);

    [Benchmark(Description = "Decide prices.change (time window + group)")]
    public AccessDecision ChangePrice() => rules.Decide(priceChange);
}
