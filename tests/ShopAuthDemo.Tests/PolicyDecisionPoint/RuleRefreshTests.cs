using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ShopAuthDemo.ServiceDefaults.Policies;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyEnforcementPoint;
using ShopAuthDemo.Tests.Orders.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.PolicyDecisionPoint;

/// <summary>
/// Each service's PDP on its own copy of the rules: a change made in policy-api is in force within 10 s
/// without a restart; with policy-api down the last rules stay in force; never loaded, governed actions are
/// refused (503, not allowed) and the health check says so.
/// </summary>
public sealed class RuleRefreshTests
{
    private const int Grinder = 3;
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static long VersionIn(IServiceProvider services) => services.GetRequiredService<AccessRuleStore>().Current?.Version ?? 0;

    [Fact]
    public async Task Rule_changed_in_policy_api_takes_effect_in_orders_api_within_ten_seconds_without_a_restart()
    {
        await using var orders = new OrdersApiHost();
        using var bob = orders.As(OrderTokens.Bob);
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.PlaceOrderAsync(Grinder)).StatusCode);

        var changed = Stopwatch.StartNew();
        orders.Downstream.Rules.Change(SeededAccessRules.LocationId, rule => rule with { Enabled = false });
        await Eventually.TrueAsync(() => VersionIn(orders.Factory.Services) == 2, Promise, "orders-api has version 2");

        Assert.InRange(changed.Elapsed, TimeSpan.Zero, Promise);
        Assert.Equal(HttpStatusCode.Created, (await bob.PlaceOrderAsync(Grinder)).StatusCode);
    }

    [Fact]
    public async Task Rule_changed_in_policy_api_takes_effect_in_catalog_api_within_ten_seconds_without_a_restart()
    {
        await using var catalog = new CatalogApiHost();
        using var dave = catalog.As(TestToken.Admin with { Subject = "a87ff679-dave", Groups = [] });
        Assert.Equal(HttpStatusCode.Forbidden, (await dave.PutAsJsonAsync("/api/products/2/price", new { price = 60.00m }, Ct)).StatusCode);

        var changed = Stopwatch.StartNew();
        catalog.Rules.Change(SeededAccessRules.GroupId, rule => rule with { Parameters = rule.Parameters with { PercentAbove = 80m } });
        await Eventually.TrueAsync(() => VersionIn(catalog.Factory.Services) == 2, Promise, "catalog-api has version 2");

        Assert.InRange(changed.Elapsed, TimeSpan.Zero, Promise);
        Assert.Equal(HttpStatusCode.OK, (await dave.PutAsJsonAsync("/api/products/2/price", new { price = 60.00m }, Ct)).StatusCode);
    }

    [Fact]
    public async Task With_policy_api_down_decisions_continue_on_the_last_rules_and_the_outage_is_logged_once()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logs = new CapturedLogs();
        await using var orders = new OrdersApiHost();
        orders.ConfigureServices = services => services.AddSingleton<TimeProvider>(clock).AddSingleton<ILoggerProvider>(logs);
        using var alice = orders.As(OrderTokens.Alice);
        using var bob = orders.As(OrderTokens.Bob);
        Assert.Equal(HttpStatusCode.Created, (await alice.PlaceOrderAsync()).StatusCode);

        orders.Downstream.Rules.Down = true;
        await PollAsync(orders, clock, times: 3);

        Assert.Equal(HttpStatusCode.Forbidden, (await bob.PlaceOrderAsync(Grinder)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await alice.PlaceOrderAsync()).StatusCode);
        Assert.Single(logs.Messages, message => message.StartsWith("Access rules could not be refreshed from policy-api", StringComparison.Ordinal));
        Assert.Contains("deciding on version 1", logs.Messages.Single(message => message.StartsWith("Access rules could not be refreshed", StringComparison.Ordinal)));
        Assert.Equal("Healthy", await HealthAsync(orders));

        // Still deciding, but on rules nobody has confirmed for a while: the dashboard says so.
        clock.Advance(AccessRulesHealthCheck.StaleAfter);
        Assert.Equal("Degraded", await HealthAsync(orders));

        orders.Downstream.Rules.Down = false;
        await PollAsync(orders, clock, times: 2);
        Assert.Single(logs.Messages, message => message.StartsWith("policy-api answers again", StringComparison.Ordinal));
        Assert.Equal("Healthy", await HealthAsync(orders));
    }

    [Fact]
    public async Task Orders_api_that_never_loaded_its_rules_refuses_orders_with_503_until_policy_api_answers()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var orders = new OrdersApiHost();
        orders.ConfigureServices = services => services.AddSingleton<TimeProvider>(clock);
        orders.Downstream.Rules.Down = true;
        using var alice = orders.As(OrderTokens.Alice);

        using var refused = await alice.PlaceOrderAsync();

        var problem = await refused.AssertProblemDetailsAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(AccessRuleResponses.RulesNotLoadedTitle, problem.Title);
        Assert.Equal("5", Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.Equal(0, orders.Downstream.QuoteCalls());
        Assert.Equal(0, await alice.CountMyOrdersAsync());
        using (var health = await orders.Anonymous().GetAsync("/health", Ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync(Ct));
        }
        using (var alive = await orders.Anonymous().GetAsync("/alive", Ct))
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);

        orders.Downstream.Rules.Down = false;
        await PollAsync(orders, clock, times: 1);

        Assert.Equal(HttpStatusCode.Created, (await alice.PlaceOrderAsync()).StatusCode);
        using (var health = await orders.Anonymous().GetAsync("/health", Ct))
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Rules_are_read_as_the_service_with_scope_policies_and_polled_with_the_version_as_etag()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var orders = new OrdersApiHost();
        orders.ConfigureServices = services => services.AddSingleton<TimeProvider>(clock);
        _ = orders.Factory.Services;

        await PollAsync(orders, clock, times: 2);

        Assert.Contains("client_credentials audience= scope=policies", orders.Downstream.TokenGrants);
        Assert.All(orders.Downstream.Calls.Where(call => call.StartsWith("GET policy-api/", StringComparison.Ordinal)),
            call => Assert.StartsWith("GET policy-api/api/rules Bearer token-", call));
        Assert.Equal(2, orders.Downstream.Rules.NotModifiedAnswers);
        Assert.Equal(1, VersionIn(orders.Factory.Services));
    }

    // Moves the fake clock one refresh interval at a time and waits until each poll has been handled
    // (the refresher counts it on its metric last).
    private static async Task<string> HealthAsync(OrdersApiHost orders)
    {
        using var health = await orders.Anonymous().GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        return await health.Content.ReadAsStringAsync(Ct);
    }

    private static async Task PollAsync(OrdersApiHost orders, FakeTimeProvider clock, int times)
    {
        using var polls = new MetricCollector<long>(orders.Factory.Services.GetRequiredService<IMeterFactory>(),
            AccessRulesMetrics.MeterName, AccessRulesMetrics.RefreshesCounterName);
        for (var i = 1; i <= times; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(2));
            await Eventually.TrueAsync(() => polls.GetMeasurementSnapshot().Count >= i, TimeSpan.FromSeconds(5), $"poll {i}");
        }
    }
}
