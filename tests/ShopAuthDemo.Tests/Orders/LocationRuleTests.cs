using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ShopAuthDemo.ServiceDefaults.Policies;
using ShopAuthDemo.Tests.Orders.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Orders;

/// <summary>
/// The seeded location rule ("no grinders to the US") on the real endpoint, with the country from the
/// identity provider's userinfo endpoint (alice DE, bob US): the PIP's OIDC lookup, cached per user.
/// </summary>
public sealed class LocationRuleTests : IAsyncLifetime
{
    private const int Beans = 1;
    private const int Grinder = 3;

    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly OrdersApiHost host = new();

    private readonly CapturedLogs logs = new();

    public LocationRuleTests() => host.ConfigureServices = services => services.AddSingleton<TimeProvider>(clock).AddSingleton<ILoggerProvider>(logs);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => host.DisposeAsync();

    private long UserInfoRequestsSent => host.Factory.Services.GetRequiredService<AccessRulesMetrics>().UserInfoRequestsSent;

    [Fact]
    public async Task Customer_in_the_US_cannot_order_grinders_and_is_told_which_rule_and_why()
    {
        using var bob = host.As(OrderTokens.Bob);

        using var response = await bob.PlaceOrderAsync(Grinder);

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Refused by an access rule.", problem.Title);
        Assert.Equal("Products in Grinders cannot be ordered from US. Remove them from your cart to order the rest.", problem.Detail);
        Assert.Equal("No grinders to the US", ((JsonElement)problem.Extensions["rule"]!).GetString());
        Assert.Equal(0, await bob.CountMyOrdersAsync());
        Assert.Equal(0, host.Downstream.PaymentCalls());
    }

    [Fact]
    public async Task Customer_in_Germany_orders_grinders() =>
        Assert.Equal(HttpStatusCode.Created, (await host.As(OrderTokens.Alice).PlaceOrderAsync(Grinder)).StatusCode);

    [Fact]
    public async Task Customer_in_the_US_orders_everything_else() =>
        Assert.Equal(HttpStatusCode.Created, (await host.As(OrderTokens.Bob).PlaceOrderAsync(Beans)).StatusCode);

    [Fact]
    public async Task Userinfo_is_asked_once_per_user_per_cache_lifetime_however_many_orders_arrive_at_once()
    {
        host.Downstream.UserInfoGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var alice = host.As(OrderTokens.Alice);
        using var bob = host.As(OrderTokens.Bob);

        var orders = Enumerable.Range(0, 20).SelectMany(_ => new[] { alice.PlaceOrderAsync(Beans), bob.PlaceOrderAsync(Beans) }).ToList();
        // Every order priced and both users' lookups held in flight: the other 38 orders must join those two.
        await Eventually.TrueAsync(() => host.Downstream.QuoteCalls() == 40 && host.Downstream.UserInfoCalls.Count >= 2,
            TimeSpan.FromSeconds(10), "all orders priced, both users' lookups in flight");
        host.Downstream.UserInfoGate.SetResult();
        var responses = await Task.WhenAll(orders);

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
        Assert.True(host.Downstream.UserInfoCalls.Count == 2, string.Join("\n", logs.Messages.Where(m => m.Contains("Userinfo", StringComparison.Ordinal))));
        Assert.Equal([OrderTokens.Alice.Subject, OrderTokens.Bob.Subject], host.Downstream.UserInfoCalls.Order());
        Assert.Equal(2, UserInfoRequestsSent);

        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        await alice.PlaceOrderAsync(Beans);
        Assert.Equal(2, host.Downstream.UserInfoCalls.Count);

        clock.Advance(TimeSpan.FromSeconds(1));
        await alice.PlaceOrderAsync(Beans);
        Assert.Equal(3, host.Downstream.UserInfoCalls.Count);
        Assert.Equal(3, UserInfoRequestsSent);
    }

    [Fact]
    public async Task Userinfo_answer_about_another_subject_is_not_used_nor_kept()
    {
        host.Downstream.UserInfoSubject = OrderTokens.Bob.Subject;
        using var alice = host.As(OrderTokens.Alice);

        using var grinder = await alice.PlaceOrderAsync(Grinder);
        using var beans = await alice.PlaceOrderAsync(Beans);

        var problem = await grinder.AssertProblemDetailsAsync(HttpStatusCode.Forbidden);
        Assert.Contains("cannot be looked up", problem.Detail);
        Assert.Equal(HttpStatusCode.Created, beans.StatusCode);
        var country = (await alice.MyDecisionsAsync())[0].GetProperty("attributes").EnumerateArray()
            .Single(attribute => attribute.GetProperty("name").GetString() == "user.country");
        Assert.Equal("Unavailable", country.GetProperty("source").GetString());

        host.Downstream.UserInfoSubject = null;
        Assert.Equal(HttpStatusCode.Created, (await alice.PlaceOrderAsync(Grinder)).StatusCode);
        Assert.Equal(3, host.Downstream.UserInfoCalls.Count);
    }

    [Fact]
    public async Task Userinfo_down_refuses_only_what_needs_the_country()
    {
        host.Downstream.UserInfoDown = true;
        using var alice = host.As(OrderTokens.Alice);

        Assert.Equal(HttpStatusCode.Forbidden, (await alice.PlaceOrderAsync(Grinder)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await alice.PlaceOrderAsync(Beans)).StatusCode);
    }

    [Fact]
    public async Task Userinfo_is_not_asked_while_no_enabled_rule_reads_the_country()
    {
        host.Downstream.Rules.Publish(SeededAccessRules.StepUp, SeededAccessRules.Location with { Enabled = false });

        Assert.Equal(HttpStatusCode.Created, (await host.As(OrderTokens.Bob).PlaceOrderAsync(Grinder)).StatusCode);
        Assert.Empty(host.Downstream.UserInfoCalls);
    }
}
