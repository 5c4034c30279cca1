using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShopAuthDemo.Orders.Api.AccessDecisions;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;
using ShopAuthDemo.Tests.Orders.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Orders;

/// <summary>
/// Decisions are visible: to the customer (GET /api/access-decisions/mine, for the shop's Identity page)
/// with reasons and values; to operators (log line, trace event) with rule, outcome and attribute sources
/// but never the values.
/// </summary>
public sealed class AccessDecisionsTests : IAsyncLifetime
{
    private readonly OrdersApiHost host = new();
    private readonly CapturedLogs logs = new();

    public AccessDecisionsTests() => host.ConfigureServices = services => services.AddSingleton<ILoggerProvider>(logs);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task Customer_sees_her_last_decisions_newest_first_with_rule_reason_and_each_attribute_source()
    {
        using var alice = host.As(OrderTokens.Alice);
        await alice.PlaceOrderAsync(quantity: 2);
        await host.As(OrderTokens.Alice with { AuthTime = DateTimeOffset.UtcNow.AddHours(-1) }).PlaceOrderAsync(quantity: 20);

        var decisions = (await alice.MyDecisionsAsync()).EnumerateArray().ToList();

        Assert.Equal(["StepUp", "Permit"], decisions.Select(d => d.GetProperty("outcome").GetString()));
        var stepUp = decisions[0];
        Assert.Equal("orders.place", stepUp.GetProperty("action").GetString());
        Assert.Equal("Large orders need a recent sign-in", stepUp.GetProperty("rule").GetString());
        Assert.StartsWith("Orders above 100 need a sign-in within the last 5 minutes", stepUp.GetProperty("reason").GetString());
        Assert.True(stepUp.GetProperty("at").GetDateTimeOffset() > decisions[1].GetProperty("at").GetDateTimeOffset().AddSeconds(-1));
        var sources = stepUp.GetProperty("attributes").EnumerateArray()
            .ToDictionary(a => a.GetProperty("name").GetString()!, a => (a.GetProperty("value").GetString(), a.GetProperty("source").GetString()));
        Assert.Equal(("200", "Resource"), sources["order.total"]);
        Assert.Equal("AccessToken", sources["user.auth_time"].Item2);
        Assert.Equal("Clock", sources["context.now"].Item2);
        Assert.Equal(("DE", "UserInfo"), sources["user.country"]);
        Assert.Equal(("Coffee", "Resource"), sources["order.categories"]);
        Assert.Equal(JsonValueKind.Null, decisions[1].GetProperty("rule").ValueKind);
    }

    [Fact]
    public async Task Customer_sees_only_decisions_about_herself()
    {
        await host.As(OrderTokens.Alice).PlaceOrderAsync();

        Assert.Equal(0, (await host.As(OrderTokens.Bob).MyDecisionsAsync()).GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await host.As(OrderTokens.Partner).GetAsync("/api/access-decisions/mine", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public void Only_the_last_ten_decisions_per_user_are_kept()
    {
        using var recent = new RecentDecisions();
        var rules = AccessRuleSet.From(SeededAccessRules.Document());
        var start = DateTimeOffset.UtcNow;
        for (var i = 1; i <= 12; i++)
        {
            recent.Decided(rules.Decide(new AccessRequest
            {
                Action = AccessActions.PlaceOrder,
                Subject = new("alice", AttributeSource.AccessToken),
                OrderTotal = new(i, AttributeSource.Resource),
                Now = new(start, AttributeSource.Clock),
            }), start.AddSeconds(i));
        }

        var kept = recent.Of("alice");

        Assert.Equal(Enumerable.Range(3, 10).Reverse().Select(i => start.AddSeconds(i)), kept.Select(d => d.At));
        Assert.Empty(recent.Of("bob"));
    }

    [Fact]
    public async Task Log_line_and_trace_event_name_the_rule_outcome_and_sources_but_no_values()
    {
        const string subject = "7d1f-decision-trace";
        host.Downstream.Countries[subject] = "US";
        host.Downstream.UnitPrice = 13.37m;
        var signedIn = DateTimeOffset.UtcNow.AddMinutes(-42);
        var events = new ConcurrentQueue<ActivityEvent>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                foreach (var e in activity.Events.Where(e => e.Name == DecisionRecorder.EventName && e.Tags.Any(t => t.Key == "enduser.id" && (string?)t.Value == subject)))
                    events.Enqueue(e);
            },
        };
        ActivitySource.AddActivityListener(listener);
        var token = host.Tokens.CreateToken(OrderTokens.Alice with { Subject = subject, AuthTime = signedIn });
        using var client = host.Anonymous().WithBearer(token);

        using var response = await client.PlaceOrderAsync(3, quantity: 2);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var line = Assert.Single(logs.Messages, message => message.StartsWith("Access decision", StringComparison.Ordinal) && message.Contains(subject));
        Assert.Contains("Access decision Deny on orders.place for 7d1f-decision-trace, rule 2 'No grinders to the US'", line);
        Assert.Contains("user.country from UserInfo", line);
        Assert.Contains("order.total from Resource", line);
        // The request's activity stops (and hands over its events) just after the response is sent.
        await Eventually.TrueAsync(() => !events.IsEmpty, TimeSpan.FromSeconds(5), "the request's activity has stopped");
        var trace = Assert.Single(events).Tags.ToDictionary(tag => tag.Key, tag => tag.Value);
        Assert.Equal("Deny", trace["access.outcome"]);
        Assert.Equal(2, trace["access.rule.id"]);
        Assert.Contains("user.country from UserInfo", (string)trace["access.attributes"]!);
        foreach (var text in new[] { line, string.Join(" ", trace.Values) })
        {
            Assert.DoesNotContain("26.74", text);
            Assert.DoesNotContain(signedIn.ToString("u"), text);
            Assert.DoesNotContain("cannot be ordered from", text);
            Assert.DoesNotContain(token, text);
            Assert.DoesNotMatch(@"\bUS\b", text.Replace("No grinders to the US", "", StringComparison.Ordinal));
        }
        Assert.DoesNotContain(logs.Messages, message => message.Contains(token, StringComparison.Ordinal));
    }
}
