using ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.PolicyDecisionPoint;

/// <summary>
/// The decision code at the edges of each rule kind, on the seeded rules with all four enabled: the same
/// AccessRuleSet.Decide every service and the rule tester run.
/// </summary>
public sealed class AccessRuleSetBoundaryTests
{
    // Monday 2 March 2026, 12:00 in Berlin (CET, UTC+1).
    private static readonly DateTimeOffset MondayNoonBerlin = new(2026, 3, 2, 11, 0, 0, TimeSpan.Zero);

    private static readonly AccessRuleSet Rules = AccessRuleSet.From(new AccessRulesDocument(1,
        [SeededAccessRules.StepUp, SeededAccessRules.Location, SeededAccessRules.Time with { Enabled = true }, SeededAccessRules.Group]));

    private static AccessRequest Order(decimal total, TimeSpan? signedInAgo = null, string? country = "DE",
        AttributeSource countrySource = AttributeSource.UserInfo, params string[] categories) => new()
        {
            Action = AccessActions.PlaceOrder,
            Subject = new("alice", AttributeSource.AccessToken),
            AuthenticatedAt = signedInAgo is { } ago ? new(MondayNoonBerlin - ago, AttributeSource.AccessToken) : Sourced<DateTimeOffset?>.Absent(null),
            Country = new(country, countrySource),
            OrderTotal = new(total, AttributeSource.Resource),
            ProductCategories = new(categories.Length > 0 ? categories : ["Coffee"], AttributeSource.Resource),
            Now = new(MondayNoonBerlin, AttributeSource.Clock),
        };

    private static AccessRequest PriceChange(decimal percent, DateTimeOffset? at = null, params string[] groups) => new()
    {
        Action = AccessActions.ChangePrice,
        Subject = new("carol", AttributeSource.AccessToken),
        Groups = new(groups, groups.Length > 0 ? AttributeSource.AccessToken : AttributeSource.Absent),
        PriceChangePercent = new(percent, AttributeSource.Resource),
        Now = new(at ?? MondayNoonBerlin, AttributeSource.Clock),
    };

    // Step-up: "above 100" and "within the last 5 minutes".
    [Fact]
    public void Order_of_exactly_the_step_up_amount_needs_no_recent_sign_in() =>
        Assert.Equal(DecisionOutcome.Permit, Rules.Decide(Order(100m, signedInAgo: TimeSpan.FromHours(3))).Outcome);

    [Fact]
    public void Order_a_cent_above_the_step_up_amount_with_an_old_sign_in_asks_for_a_step_up_of_five_minutes()
    {
        var decision = Rules.Decide(Order(100.01m, signedInAgo: TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1)));

        Assert.Equal(DecisionOutcome.StepUp, decision.Outcome);
        Assert.Equal(300, decision.MaxAgeSeconds);
        Assert.Equal(SeededAccessRules.StepUpId, decision.Rule?.Id);
    }

    [Fact]
    public void Sign_in_exactly_five_minutes_ago_still_counts() =>
        Assert.Equal(DecisionOutcome.Permit, Rules.Decide(Order(500m, signedInAgo: TimeSpan.FromMinutes(5))).Outcome);

    [Fact]
    public void Large_order_without_a_known_sign_in_time_asks_for_a_step_up() =>
        Assert.Equal(DecisionOutcome.StepUp, Rules.Decide(Order(500m, signedInAgo: null)).Outcome);

    // A sign-in "in the future" beyond the clock skew (a wrong clock, a bug) would otherwise count as fresh for days.
    [Theory]
    [InlineData(30, DecisionOutcome.Permit)]
    [InlineData(31, DecisionOutcome.StepUp)]
    [InlineData(3 * 24 * 3600, DecisionOutcome.StepUp)]
    public void Sign_in_time_later_than_now_counts_only_within_the_clock_skew(int secondsAhead, DecisionOutcome expected) =>
        Assert.Equal(expected, Rules.Decide(Order(500m, signedInAgo: TimeSpan.FromSeconds(-secondsAhead))).Outcome);

    // A newer policy-api may serve a kind this service does not know: the document still loads (later changes
    // keep arriving) and the unknown rule refuses every action it might govern instead of being skipped.
    [Theory]
    [InlineData("\"Quota\"")]
    [InlineData("9")]
    public void A_rule_of_an_unknown_kind_loads_and_refuses_every_governed_action(string kind)
    {
        var json = $$$"""{"version":7,"rules":[{"id":9,"name":"From the future","kind":{{{kind}}},"enabled":true,"parameters":{}}]}""";
        var rules = AccessRuleSet.From(System.Text.Json.JsonSerializer.Deserialize<AccessRulesDocument>(json, AccessRulesJson.Options)!);

        foreach (var request in new[] { Order(10m, TimeSpan.Zero), PriceChange(1m) })
        {
            var decision = rules.Decide(request);
            Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
            Assert.Equal(9, decision.Rule?.Id);
        }
    }

    // Location: "no grinders to the US".
    [Theory]
    [InlineData("US", "Grinders", DecisionOutcome.Deny)]
    [InlineData("DE", "Grinders", DecisionOutcome.Permit)]
    [InlineData("US", "Coffee", DecisionOutcome.Permit)]
    // No country on record is unknown, not "not listed": a deny-list must not let the unknown through.
    [InlineData(null, "Grinders", DecisionOutcome.Deny)]
    [InlineData(null, "Coffee", DecisionOutcome.Permit)]
    public void Grinders_are_refused_only_to_customers_in_the_listed_countries(string? country, string category, DecisionOutcome expected) =>
        Assert.Equal(expected, Rules.Decide(Order(50m, TimeSpan.Zero, country, AttributeSource.UserInfo, category)).Outcome);

    [Fact]
    public void Grinders_are_refused_while_the_country_cannot_be_looked_up()
    {
        var decision = Rules.Decide(Order(50m, TimeSpan.Zero, null, AttributeSource.Unavailable, "Coffee", "Grinders"));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Contains(decision.Attributes(), attribute => attribute is { Name: "user.country", Source: AttributeSource.Unavailable });
    }

    // Deny overrides step-up: a refusal is never turned into a sign-in prompt that could not help.
    [Fact]
    public void Refusal_wins_over_a_step_up_on_the_same_order()
    {
        var decision = Rules.Decide(Order(500m, TimeSpan.FromHours(1), "US", AttributeSource.UserInfo, "Grinders"));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Equal(SeededAccessRules.LocationId, decision.Rule?.Id);
        Assert.Null(decision.MaxAgeSeconds);
    }

    // Time: Monday to Friday 07:00 (first minute, inclusive) to 19:00 (exclusive), Europe/Berlin.
    [Theory]
    [InlineData(7, 0, DecisionOutcome.Permit)]
    [InlineData(6, 59, DecisionOutcome.Deny)]
    [InlineData(18, 59, DecisionOutcome.Permit)]
    [InlineData(19, 0, DecisionOutcome.Deny)]
    public void Price_changes_are_allowed_from_the_first_to_the_last_minute_of_the_window(int hour, int minute, DecisionOutcome expected)
    {
        var berlin = new DateTimeOffset(2026, 3, 2, hour, minute, 0, TimeSpan.FromHours(1));

        Assert.Equal(expected, Rules.Decide(PriceChange(5m, berlin)).Outcome);
    }

    [Fact]
    public void Price_changes_are_refused_at_the_weekend() =>
        Assert.Equal(DecisionOutcome.Deny, Rules.Decide(PriceChange(5m, new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.FromHours(1)))).Outcome);

    [Fact]
    public void The_window_follows_summer_time_in_its_own_time_zone()
    {
        // 05:00 UTC is 07:00 in Berlin in July (CEST, UTC+2): open; 05:59 UTC in March (CET, UTC+1) is 06:59: still closed.
        Assert.Equal(DecisionOutcome.Permit, Rules.Decide(PriceChange(5m, new DateTimeOffset(2026, 7, 6, 5, 0, 0, TimeSpan.Zero))).Outcome);
        Assert.Equal(DecisionOutcome.Deny, Rules.Decide(PriceChange(5m, new DateTimeOffset(2026, 3, 2, 5, 59, 0, TimeSpan.Zero))).Outcome);
    }

    // Group: "above 20 %" needs pricing-leads.
    [Fact]
    public void Price_change_of_exactly_the_percentage_needs_no_group() =>
        Assert.Equal(DecisionOutcome.Permit, Rules.Decide(PriceChange(20m)).Outcome);

    [Fact]
    public void Price_change_just_above_the_percentage_is_refused_outside_the_group()
    {
        var decision = Rules.Decide(PriceChange(20.01m, null, "buyers"));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Equal(SeededAccessRules.GroupId, decision.Rule?.Id);
    }

    [Fact]
    public void Pricing_lead_makes_a_big_price_change() =>
        Assert.Equal(DecisionOutcome.Permit, Rules.Decide(PriceChange(80m, null, "buyers", "pricing-leads")).Outcome);

    [Fact]
    public void Disabled_rules_decide_nothing()
    {
        var seeded = AccessRuleSet.From(SeededAccessRules.Document());

        Assert.Equal(DecisionOutcome.Permit, seeded.Decide(PriceChange(5m, new DateTimeOffset(2026, 3, 7, 23, 0, 0, TimeSpan.Zero))).Outcome);
    }
}
