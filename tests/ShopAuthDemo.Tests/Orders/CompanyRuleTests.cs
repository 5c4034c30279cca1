using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShopAuthDemo.ServiceDefaults.Policies;
using ShopAuthDemo.Tests.Orders.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Orders;

/// <summary>
/// The company rule ("Grinders are trade-only: Northwind Traders", enabled here) on the real endpoint, with
/// the company from the identity provider's userinfo endpoint: the same lookup, and cache, as the country.
/// </summary>
public sealed class CompanyRuleTests : IAsyncLifetime
{
    private const int Beans = 1;
    private const int Grinder = 3;

    private readonly OrdersApiHost host = new();
    private readonly CapturedLogs logs = new();

    public CompanyRuleTests()
    {
        host.ConfigureServices = services => services.AddSingleton<ILoggerProvider>(logs);
        host.Downstream.Companies[OrderTokens.Bob.Subject] = "Northwind Traders";
        host.Downstream.Rules.Publish(SeededAccessRules.StepUp, SeededAccessRules.Company with { Enabled = true });
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => host.DisposeAsync();

    private long UserInfoRequestsSent => host.Factory.Services.GetRequiredService<AccessRulesMetrics>().UserInfoRequestsSent;

    [Fact]
    public async Task Customer_of_the_listed_company_orders_grinders_and_sees_the_company_from_userinfo()
    {
        using var bob = host.As(OrderTokens.Bob);

        Assert.Equal(HttpStatusCode.Created, (await bob.PlaceOrderAsync(Grinder)).StatusCode);

        var company = await LatestAttributeAsync(bob, "user.company");
        Assert.Equal("Northwind Traders", company.GetProperty("value").GetString());
        Assert.Equal("UserInfo", company.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Customer_without_a_company_cannot_order_grinders_and_is_told_who_may()
    {
        using var alice = host.As(OrderTokens.Alice);

        using var grinder = await alice.PlaceOrderAsync(Grinder);

        var problem = await grinder.AssertProblemDetailsAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Products in Grinders are sold to business customers of Northwind Traders only. Remove them from your cart to order the rest.",
            problem.Detail);
        Assert.Equal("Grinders are trade-only: Northwind Traders", ((JsonElement)problem.Extensions["rule"]!).GetString());
        Assert.Equal(HttpStatusCode.Created, (await alice.PlaceOrderAsync(Beans)).StatusCode);
    }

    // Operators see which attribute came from where; the company itself, like the country, stays with the customer.
    [Fact]
    public async Task The_decision_log_names_the_company_and_its_source_but_never_the_company()
    {
        await host.As(OrderTokens.Bob).PlaceOrderAsync(Grinder);

        var line = Assert.Single(logs.Messages, message => message.StartsWith("Access decision", StringComparison.Ordinal));
        Assert.Contains("Access decision Permit on orders.place", line);
        Assert.Contains("user.company from UserInfo", line);
        Assert.DoesNotContain(logs.Messages, message => message.Contains("Northwind", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task One_userinfo_call_serves_both_the_location_and_the_company_rule()
    {
        host.Downstream.Rules.Publish(SeededAccessRules.StepUp, SeededAccessRules.Location, SeededAccessRules.Company with { Enabled = true });
        host.Downstream.Countries[OrderTokens.Bob.Subject] = "DE";
        using var bob = host.As(OrderTokens.Bob);

        Assert.Equal(HttpStatusCode.Created, (await bob.PlaceOrderAsync(Grinder)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await bob.PlaceOrderAsync(Grinder)).StatusCode);

        Assert.Single(host.Downstream.UserInfoCalls);
        Assert.Equal(1, UserInfoRequestsSent);
        Assert.Equal("DE", (await LatestAttributeAsync(bob, "user.country")).GetProperty("value").GetString());
        Assert.Equal("Northwind Traders", (await LatestAttributeAsync(bob, "user.company")).GetProperty("value").GetString());
    }

    [Fact]
    public async Task Userinfo_down_refuses_grinders_with_a_try_again_and_lets_the_rest_through()
    {
        host.Downstream.UserInfoDown = true;
        using var bob = host.As(OrderTokens.Bob);

        using var grinder = await bob.PlaceOrderAsync(Grinder);

        var problem = await grinder.AssertProblemDetailsAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Products in Grinders cannot be ordered while your company cannot be looked up. Try again in a moment.", problem.Detail);
        Assert.Equal(HttpStatusCode.Created, (await bob.PlaceOrderAsync(Beans)).StatusCode);
    }

    // A list or a number where a name belongs is a fault of the identity provider's setup, not a company to match.
    [Fact]
    public async Task A_company_in_userinfo_that_is_not_text_counts_as_unavailable()
    {
        host.Downstream.Companies[OrderTokens.Bob.Subject] = new[] { "Northwind Traders" };
        using var bob = host.As(OrderTokens.Bob);

        using var grinder = await bob.PlaceOrderAsync(Grinder);

        Assert.Contains("cannot be looked up", (await grinder.AssertProblemDetailsAsync(HttpStatusCode.Forbidden)).Detail);
        Assert.Equal("Unavailable", (await LatestAttributeAsync(bob, "user.company")).GetProperty("source").GetString());
    }

    [Fact]
    public async Task Userinfo_is_not_asked_while_the_company_rule_is_disabled_as_seeded()
    {
        host.Downstream.Rules.Publish(SeededAccessRules.StepUp, SeededAccessRules.Company);

        Assert.Equal(HttpStatusCode.Created, (await host.As(OrderTokens.Alice).PlaceOrderAsync(Grinder)).StatusCode);
        Assert.Empty(host.Downstream.UserInfoCalls);
    }

    /// <summary>An attribute of the caller's latest decision, as the shop's Identity page shows it.</summary>
    private static async Task<JsonElement> LatestAttributeAsync(HttpClient customer, string name) =>
        (await customer.MyDecisionsAsync())[0].GetProperty("attributes").EnumerateArray()
            .Single(attribute => attribute.GetProperty("name").GetString() == name);
}
