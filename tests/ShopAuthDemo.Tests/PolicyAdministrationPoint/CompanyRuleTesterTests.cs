using ShopAuthDemo.Tests.PolicyAdministrationPoint.Support;
using Xunit;

namespace ShopAuthDemo.Tests.PolicyAdministrationPoint;

// "Test a request" with the company rule ("Grinders are trade-only: Northwind Traders") enabled: the company
// comes from the user directory's company attribute unless a what-if company is typed.
public sealed class CompanyRuleTesterTests(CompanyRuleTesterHost tester) : IClassFixture<CompanyRuleTesterHost>
{
    private const string PlaceOrder = "orders.place";
    private const int CompanyRuleId = 5;

    [Fact]
    public async Task A_customer_of_the_listed_company_in_the_directory_may_order_grinders()
    {
        var result = await tester.TestAsync(PlaceOrder, "user", "bob", new { categories = new[] { "Grinders" } });

        Assert.Equal("Permit", result.Outcome());
        // The directory's " Northwind Traders" is read trimmed.
        Assert.Equal("Northwind Traders (UserDirectory)", result.Attribute("user.company"));
    }

    [Fact]
    public async Task A_customer_without_a_company_is_refused_grinders_and_told_who_may_order_them()
    {
        var grinder = await tester.TestAsync(PlaceOrder, "user", "alice", new { categories = new[] { "Coffee", "Grinders" } });
        var coffee = await tester.TestAsync(PlaceOrder, "user", "alice", new { categories = new[] { "Coffee" } });

        Assert.Equal("Deny", grinder.Outcome());
        Assert.Equal(CompanyRuleId, grinder.RuleId());
        Assert.Equal("none (UserDirectory)", grinder.Attribute("user.company"));
        Assert.Equal("Products in Grinders are sold to business customers of Northwind Traders only. Remove them from your cart to order the rest.",
            grinder.GetProperty("reason").GetString());
        Assert.Equal("Permit", coffee.Outcome());
    }

    [Fact]
    public async Task A_what_if_company_replaces_the_directorys_either_way()
    {
        var alice = await tester.TestAsync(PlaceOrder, "user", "alice", new { categories = new[] { "Grinders" }, company = "  northwind TRADERS " });
        var bob = await tester.TestAsync(PlaceOrder, "user", "bob", new { categories = new[] { "Grinders" }, company = "Contoso" });

        Assert.Equal("Permit", alice.Outcome());
        Assert.Equal("northwind TRADERS (WhatIf)", alice.Attribute("user.company"));
        Assert.Equal("Deny", bob.Outcome());
        Assert.Equal("Contoso (WhatIf)", bob.Attribute("user.company"));
    }

    [Fact]
    public async Task An_empty_what_if_company_is_nothing_typed()
    {
        var result = await tester.TestAsync(PlaceOrder, "user", "bob", new { categories = new[] { "Grinders" }, company = "" });

        Assert.Equal("Permit", result.Outcome());
        Assert.Equal("Northwind Traders (UserDirectory)", result.Attribute("user.company"));
    }
}
