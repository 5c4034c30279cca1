using System.Text.Json;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.PolicyDecisionPoint;

/// <summary>
/// The company rule ("Grinders are trade-only: Northwind Traders") in the decision code every service and
/// the rule tester run: an allow-list, so a company not on it, or none known, is refused.
/// </summary>
public sealed class CompanyRuleTests
{
    private static readonly AccessRuleSet Rules = AccessRuleSet.From(new AccessRulesDocument(1,
        [SeededAccessRules.StepUp, SeededAccessRules.Company with { Enabled = true }]));

    private static AccessRequest Order(string? company, AttributeSource source = AttributeSource.UserInfo, params string[] categories) => new()
    {
        Action = AccessActions.PlaceOrder,
        Subject = new("bob", AttributeSource.AccessToken),
        AuthenticatedAt = new(DateTimeOffset.UnixEpoch, AttributeSource.AccessToken),
        Company = new(company, source),
        OrderTotal = new(50m, AttributeSource.Resource),
        ProductCategories = new(categories.Length > 0 ? categories : ["Coffee", "Grinders"], AttributeSource.Resource),
        Now = new(DateTimeOffset.UnixEpoch, AttributeSource.Clock),
    };

    [Theory]
    [InlineData("Northwind Traders")]
    [InlineData("northwind traders")]
    [InlineData("  NORTHWIND TRADERS ")]
    public void A_customer_of_a_listed_company_orders_the_category_whatever_the_case(string company) =>
        Assert.Equal(DecisionOutcome.Permit, Rules.Decide(Order(company)).Outcome);

    [Theory]
    [InlineData("Contoso")]
    // Exact names only: a longer or shorter name is another company.
    [InlineData("Northwind Traders Ltd")]
    [InlineData("Northwind")]
    public void A_customer_of_another_company_is_refused_and_told_who_may_order(string company)
    {
        var decision = Rules.Decide(Order(company));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Equal(SeededAccessRules.CompanyId, decision.Rule?.Id);
        Assert.Equal("Products in Grinders are sold to business customers of Northwind Traders only. Remove them from your cart to order the rest.",
            decision.Reason);
    }

    // No company on record is not a company on the list: an allow-list lets nobody unknown through.
    [Fact]
    public void A_customer_without_a_company_is_refused()
    {
        var decision = Rules.Decide(Order(null));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Contains(decision.Attributes(), attribute => attribute is { Name: "user.company", Value: "none", Source: AttributeSource.UserInfo });
    }

    [Fact]
    public void The_category_is_refused_while_the_company_cannot_be_looked_up_and_the_customer_is_asked_to_try_again()
    {
        var decision = Rules.Decide(Order(null, AttributeSource.Unavailable));

        Assert.Equal(DecisionOutcome.Deny, decision.Outcome);
        Assert.Equal("Products in Grinders cannot be ordered while your company cannot be looked up. Try again in a moment.", decision.Reason);
        Assert.Contains(decision.Attributes(), attribute => attribute is { Name: "user.company", Source: AttributeSource.Unavailable });
    }

    [Theory]
    [InlineData(null, AttributeSource.UserInfo)]
    [InlineData(null, AttributeSource.Unavailable)]
    [InlineData("Contoso", AttributeSource.UserInfo)]
    public void Orders_without_the_category_are_not_its_business(string? company, AttributeSource source) =>
        Assert.Equal(DecisionOutcome.Permit, Rules.Decide(Order(company, source, "Coffee", "Brewing")).Outcome);

    [Fact]
    public void The_category_is_matched_ignoring_case() =>
        Assert.Equal(DecisionOutcome.Deny, Rules.Decide(Order("Contoso", AttributeSource.UserInfo, "grinders")).Outcome);

    [Fact]
    public void Only_an_enabled_company_rule_makes_the_service_ask_userinfo()
    {
        var seeded = AccessRuleSet.From(new AccessRulesDocument(1, [SeededAccessRules.StepUp, SeededAccessRules.Company]));

        Assert.False(seeded.ReadsUserInfo(AccessActions.PlaceOrder));
        Assert.True(Rules.ReadsUserInfo(AccessActions.PlaceOrder));
        Assert.False(Rules.ReadsUserInfo(AccessActions.ChangePrice));
    }

    [Fact]
    public void A_company_rule_reads_the_same_after_a_trip_through_the_wire_format()
    {
        var json = JsonSerializer.Serialize(SeededAccessRules.Company, AccessRulesJson.Options);
        var read = JsonSerializer.Deserialize<AccessRule>(json, AccessRulesJson.Options)!;

        Assert.Contains("\"kind\":\"Company\"", json, StringComparison.Ordinal);
        Assert.Contains("\"companies\":[\"Northwind Traders\"]", json, StringComparison.Ordinal);
        Assert.Equal(RuleKind.Company, read.Kind);
        Assert.Equal(AccessActions.PlaceOrder, read.Action);
        Assert.Equal(["Northwind Traders"], read.Parameters.Companies);
        Assert.Equal("Grinders", read.Parameters.Category);
    }

    [Fact]
    public void Twenty_companies_of_a_hundred_characters_each_are_the_most_a_rule_takes()
    {
        RuleParameters Parameters(int count, int length) => new()
        {
            Companies = [.. Enumerable.Range(0, count).Select(i => i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture).PadRight(length, 'x'))],
            Category = "Grinders",
        };
        Dictionary<string, string[]> Validate(RuleParameters parameters) =>
            RuleValidation.Validate(new AccessRuleInput("Trade only", RuleKind.Company, Enabled: true, parameters));

        Assert.Empty(Validate(Parameters(20, 100)));
        Assert.Equal(["parameters.companies"], Validate(Parameters(21, 10)).Keys);
        Assert.Equal(["parameters.companies"], Validate(Parameters(1, 101)).Keys);
    }
}
