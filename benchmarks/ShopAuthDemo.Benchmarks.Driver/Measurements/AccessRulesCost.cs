using System.Net.Http.Headers;
using System.Net.Http.Json;
using ShopAuthDemo.Benchmarks.Driver.Identity;
using ShopAuthDemo.Benchmarks.Driver.Load;
using ShopAuthDemo.Benchmarks.Driver.Processes;
using ShopAuthDemo.Benchmarks.Driver.Report;
using ShopAuthDemo.Benchmarks.Driver.Settings;

namespace ShopAuthDemo.Benchmarks.Driver.Measurements;

/// <summary>
/// What the access rules cost an order: the same orders placed with every rule disabled, then with the
/// seeded rules on (step-up and location govern orders.place; the location rule makes orders-api ask
/// userinfo for the customer's country). carol switches the rules on the PAP, as on the Access rules page, and
/// orders-api picks the change up by itself. bob orders here, not alice: nothing has asked userinfo about him
/// yet, so the lookups counted in orders-api's log are all his orders caused.
/// </summary>
public static class AccessRulesCost
{
    private const int Connections = 8;
    // Below the step-up amount and without a grinder, so every order is permitted after the rules are read
    // (bob is in the US: a grinder would be refused).
    private const string Order = """{"items":[{"productId":1,"quantity":2},{"productId":2,"quantity":1}]}""";
    private const string UserInfoLogLine = "Userinfo looked up for";
    // The services poll policy-api every 2 s; three polls are enough for both to have the new version.
    private static readonly TimeSpan PickUp = TimeSpan.FromSeconds(6);

    public static async Task<IEnumerable<ResultRow>> MeasureAsync(
        ServicesUnderTest services, TokenRequests tokens, LoadRunner load, CancellationToken cancellationToken)
    {
        var bob = await tokens.SignInAsync("bob", cancellationToken);
        using var policy = new HttpClient { BaseAddress = services.Policy.BaseAddress };
        policy.DefaultRequestHeaders.Authorization = new("Bearer", await tokens.SignInToBackofficeAsync("carol", cancellationToken));

        var document = await policy.GetFromJsonAsync<RuleList>("/api/rules", cancellationToken)
            ?? throw new BenchmarkException("policy-api answered no rules.");
        var enabled = document.Rules.Where(rule => rule.Enabled).Select(rule => rule.Id).ToList();
        var point = new LoadPoint("place-order-rules", services.Orders.Url("/api/orders"), Connections, bob, Order);

        await SwitchAsync(policy, enabled, on: false, cancellationToken);
        var rulesOff = await load.MeasureAsync(point with { Name = "place-order-rules-off" }, cancellationToken);

        await SwitchAsync(policy, enabled, on: true, cancellationToken);
        var userInfoBefore = services.Orders.CountLines(UserInfoLogLine);
        var rulesOn = await load.MeasureAsync(point with { Name = "place-order-rules-on" }, cancellationToken);
        var userInfoCalls = services.Orders.CountLines(UserInfoLogLine) - userInfoBefore;
        var orders = rulesOn.WarmUp.Succeeded + rulesOn.Measured.Succeeded;

        return
        [
            ResultRow.Baseline($"orders-api `POST /api/orders` as bob, {Connections} connections, every access rule disabled", rulesOff),
            ResultRow.ComparedTo($"the same with the {enabled.Count} seeded rules on (PIP: priced order, token, userinfo; PDP in process)",
                rulesOn, rulesOff, "rules off", goal: "≥ 90 %"),
            new ResultRow("Userinfo requests by orders-api for bob while the rules were on (his first orders with them)", null,
                $"**{userInfoCalls}** for {orders:N0} orders in {(rulesOn.WarmUp.Duration + rulesOn.Measured.Duration).TotalSeconds:0} s (cached per user for 5 min; goal ≤ 1 per lifetime)"),
        ];
    }

    // Only what switching needs from policy-api's GET /api/rules.
    private sealed record RuleList(IReadOnlyList<Rule> Rules);

    private sealed record Rule(int Id, bool Enabled);

    private static async Task SwitchAsync(HttpClient policy, IEnumerable<int> ruleIds, bool on, CancellationToken cancellationToken)
    {
        foreach (var id in ruleIds)
        {
            using var response = await policy.PutAsJsonAsync($"/api/rules/{id}/enabled", new { enabled = on }, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new BenchmarkException($"policy-api answered {(int)response.StatusCode} to switching rule {id} {(on ? "on" : "off")}.");
        }
        await Task.Delay(PickUp, cancellationToken);
    }
}
