using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ShopAuthDemo.Tests.PolicyAdministrationPoint.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.PolicyAdministrationPoint;

// The tester's callers and inputs: who can be picked, what a typo or an unknown user gets, and what the
// admin sees when the identity provider's directory does not answer.
public sealed class RuleTesterCallerTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly PolicyApiHost policy = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => policy.DisposeAsync();

    private Task<HttpResponseMessage> TestAsync(string body) =>
        policy.As(PolicyTokens.Carol).PostAsync("/api/rule-tests", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

    [Fact]
    public async Task Callers_are_the_directorys_users_and_the_configured_clients()
    {
        var callers = await policy.As(PolicyTokens.Carol).GetFromJsonAsync<JsonElement>("/api/rule-tests/callers", Ct);

        Assert.Equal(["alice", "bob", "carol"], callers.GetProperty("users").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(["orders-api", "partner-acme", "shop-web", "backoffice-web"], callers.GetProperty("clients").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains(policy.Directory.Calls, c => c.StartsWith("GET identity.test/admin/realms/shop/users?max=100&briefRepresentation=true Bearer directory-token-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_user_is_a_400_on_the_caller_name()
    {
        using var response = await TestAsync("""{ "action": "orders.place", "caller": { "kind": "user", "name": "mallory" } }""");

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["caller.name"], problem.Errors.Keys);
        Assert.Contains("mallory", problem.Errors["caller.name"].Single());
    }

    [Theory]
    [InlineData("""{ "action": "orders.delete", "caller": { "kind": "user", "name": "alice" } }""", new[] { "action" })]
    [InlineData("""{ "action": "orders.place", "caller": { "kind": "robot", "name": "alice" } }""", new[] { "caller.kind" })]
    [InlineData("""{ "action": "orders.place" }""", new[] { "caller.kind", "caller.name" })]
    [InlineData("""{ "action": "orders.place", "caller": { "kind": "client", "name": "evil-client" } }""", new[] { "caller.name" })]
    [InlineData("""{ "action": "orders.place", "caller": { "kind": "client", "name": "orders-api" }, "whatIf": { "country": "USA", "amount": -1, "priceChangePercent": -5 } }""",
        new[] { "whatIf.country", "whatIf.amount", "whatIf.priceChangePercent" })]
    [InlineData("""{ "action": "orders.place", "caller": { "kind": "client", "name": "orders-api" }, "whatIf": { "categories": [""], "groups": ["  "] } }""",
        new[] { "whatIf.categories", "whatIf.groups" })]
    [InlineData("""{ "action": "orders.place", "caller": { "kind": "client", "name": "orders-api" }, "whatIf": { "company": "Northwind Traders, a company whose name runs on and on for well over one hundred characters in all, doubtless" } }""",
        new[] { "whatIf.company" })]
    [InlineData("""{ "action": "orders.place", "caller": { "kind": "client", "name": "orders-api" }, "whatIf": { "company": ["Northwind Traders"] } }""",
        new[] { "whatIf.company" })]
    [InlineData("""{ "action": "orders.place", "caller": { "kind": "client", "name": "orders-api" }, "whatIf": { "time": "yesterday" } }""", new[] { "whatIf.time" })]
    [InlineData("""{ "action": "orders.place", "caller": { "kind": "client", "name": "orders-api" }, "whatIf": { "lastSignIn": 42 } }""", new[] { "whatIf.lastSignIn" })]
    [InlineData("""{ "action": "orders.place", "caller": { "kind": "client", "name": "orders-api" }, "whatIf": { "amount": "plenty" } }""", new[] { "whatIf.amount" })]
    public async Task A_bad_test_request_is_a_400_with_the_bad_fields(string body, string[] fields)
    {
        using var response = await TestAsync(body);

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.BadRequest);
        Assert.Equal(fields.Order(), problem.Errors.Keys.Order());
    }

    [Fact]
    public async Task A_directory_that_cannot_be_reached_is_a_503_that_says_so_and_clients_can_still_be_tested()
    {
        policy.Directory.Down = true;

        using var user = await TestAsync("""{ "action": "orders.place", "caller": { "kind": "user", "name": "bob" } }""");
        using var callers = await policy.As(PolicyTokens.Carol).GetAsync("/api/rule-tests/callers", Ct);
        using var client = await TestAsync("""{ "action": "orders.place", "caller": { "kind": "client", "name": "orders-api" } }""");

        var problem = await user.AssertProblemDetailsAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("user directory", problem.Title);
        Assert.Contains("cannot be reached", problem.Detail);
        Assert.DoesNotContain("Connection refused", problem.Detail);
        await callers.AssertProblemDetailsAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.OK, client.StatusCode);
    }

    [Fact]
    public async Task A_directory_that_refuses_policy_api_is_a_503_naming_the_status()
    {
        policy.Directory.AdminStatus = HttpStatusCode.Forbidden;

        using var response = await TestAsync("""{ "action": "orders.place", "caller": { "kind": "user", "name": "bob" } }""");

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("403", problem.Detail);
    }

    [Fact]
    public async Task Without_a_what_if_time_the_tester_decides_at_the_clocks_now()
    {
        var saturday = new FakeTimeProvider(new DateTimeOffset(2025, 6, 7, 12, 0, 0, TimeSpan.Zero));
        policy.ConfigureServices = services => services.AddSingleton<TimeProvider>(saturday);
        await policy.RestartAsync();
        await policy.As(PolicyTokens.Carol).SendJsonAsync(HttpMethod.Put, "/api/rules/3/enabled", new { enabled = true }, HttpStatusCode.OK);

        using var response = await TestAsync("""{ "action": "prices.change", "caller": { "kind": "user", "name": "carol" }, "whatIf": { "priceChangePercent": 5 } }""");

        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Deny", result.Outcome());
        Assert.Equal(3, result.RuleId());
        Assert.Equal("2025-06-07 12:00:00Z (Clock)", result.Attribute("context.now"));
    }
}
