using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.Tests.PolicyAdministrationPoint.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.PolicyAdministrationPoint;

// Whatever an admin types, a bad rule is a 400 naming each bad field (the page shows it next to the field),
// never a 500, and nothing is stored.
public sealed class RuleInputValidationTests(PolicyApiHost policy) : IClassFixture<PolicyApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string TwentyOneCompanies = string.Join(", ", Enumerable.Range(1, 21).Select(i => $"\"Company {i}\""));

    public static TheoryData<string, string[]> InvalidRules => new()
    {
        { """{ "kind": "StepUp", "enabled": true, "parameters": { "amountAbove": 100, "maxAgeMinutes": 5 } }""", ["name"] },
        { """{ "name": "x", "kind": "StepUp", "enabled": true, "parameters": { "amountAbove": -1, "maxAgeMinutes": 0 } }""",
            ["parameters.amountAbove", "parameters.maxAgeMinutes"] },
        { """{ "name": "x", "kind": "StepUp", "enabled": true }""", ["parameters.amountAbove", "parameters.maxAgeMinutes"] },
        { """{ "name": "x", "kind": "Time", "enabled": true, "parameters": { "weekdays": [], "from": "19:00", "until": "07:00", "timeZone": "Mars/Olympus_Mons" } }""",
            ["parameters.weekdays", "parameters.until", "parameters.timeZone"] },
        { """{ "name": "x", "kind": "Time", "enabled": true, "parameters": { "weekdays": ["Monday", "Monday"], "timeZone": "Europe/Berlin" } }""",
            ["parameters.weekdays", "parameters.from", "parameters.until"] },
        { """{ "name": "x", "kind": "Location", "enabled": true, "parameters": { "countries": ["USA", ""], "category": " Grinders" } }""",
            ["parameters.countries", "parameters.category"] },
        { """{ "name": "x", "kind": "Group", "enabled": true, "parameters": { "percentAbove": 1001 } }""", ["parameters.percentAbove", "parameters.group"] },
        { """{ "name": "x", "kind": "Company", "enabled": true }""", ["parameters.companies", "parameters.category"] },
        { """{ "name": "x", "kind": "Company", "enabled": true, "parameters": { "companies": [], "category": "Grinders" } }""", ["parameters.companies"] },
        { """{ "name": "x", "kind": "Company", "enabled": true, "parameters": { "companies": ["Northwind Traders", "  "], "category": "Grinders" } }""",
            ["parameters.companies"] },
        { $$"""{ "name": "x", "kind": "Company", "enabled": true, "parameters": { "companies": ["{{new string('N', 101)}}"], "category": "Grinders" } }""",
            ["parameters.companies"] },
        { $$"""{ "name": "x", "kind": "Company", "enabled": true, "parameters": { "companies": [{{TwentyOneCompanies}}], "category": "Grinders" } }""",
            ["parameters.companies"] },
        { """{ "name": "x", "kind": "Company", "enabled": true, "parameters": { "companies": ["Northwind Traders", null], "category": "" } }""",
            ["parameters.companies", "parameters.category"] },
        { """{ "name": "x", "kind": "Company", "enabled": true, "parameters": { "companies": "Northwind Traders", "category": "Grinders" } }""",
            ["parameters.companies"] },
        { """{ "name": "x", "enabled": true }""", ["kind"] },
        // Values that do not even have the right type: the field's key all the same.
        { """{ "name": "x", "kind": "Bribe", "enabled": true }""", ["kind"] },
        { """{ "name": "x", "kind": "StepUp", "enabled": true, "parameters": { "amountAbove": "a lot", "maxAgeMinutes": 5 } }""", ["parameters.amountAbove"] },
        { """{ "name": "x", "kind": "Time", "enabled": true, "parameters": { "weekdays": ["Monday", "Caturday"] } }""", ["parameters.weekdays"] },
        { """{ "name": "x", "kind": "Time", "enabled": true, "parameters": { "weekdays": ["Monday"], "from": "25:99" } }""", ["parameters.from"] },
        { """{ "name": "x", "kind": "StepUp", "enabled": "yes" }""", ["enabled"] },
        { """[1, 2, 3]""", ["body"] },
        { """null""", ["body"] },
    };

    [Theory]
    [MemberData(nameof(InvalidRules))]
    public async Task An_invalid_rule_is_a_400_with_the_bad_fields_and_is_not_stored(string body, string[] fields)
    {
        using var carol = policy.As(PolicyTokens.Carol);

        foreach (var (method, path) in new[] { (HttpMethod.Post, "/api/rules"), (HttpMethod.Put, "/api/rules/1") })
        {
            using var response = await carol.SendAsync(new HttpRequestMessage(method, path) { Content = Json(body) }, Ct);

            var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.BadRequest);
            Assert.Equal(fields.Order(), problem.Errors.Keys.Order());
            Assert.All(problem.Errors.Values, messages => Assert.NotEmpty(Assert.Single(messages)));
        }

        Assert.Equal(1, await policy.QueryAsync(db => db.Versions.Select(v => v.Version).SingleAsync(Ct)));
        Assert.Equal(5, await policy.QueryAsync(db => db.Rules.CountAsync(Ct)));
    }

    [Theory]
    [InlineData("""{ "name": "x", "kind": """)]
    [InlineData("""{ "name": "x" "kind": "StepUp" }""")]
    [InlineData("not json at all")]
    [InlineData("")]
    public async Task A_body_that_is_not_JSON_is_a_400_problem(string body)
    {
        using var response = await policy.As(PolicyTokens.Carol).PostAsync("/api/rules", Json(body), Ct);

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The request body is not valid JSON.", problem.Detail);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_content_is_a_415_problem()
    {
        using var response = await policy.As(PolicyTokens.Carol).PostAsync("/api/rules",
            new StringContent("""{ "name": "x" }""", Encoding.UTF8, "text/plain"), Ct);

        await response.AssertProblemDetailsAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("""{ }""")]
    [InlineData("""{ "enabled": null }""")]
    [InlineData("""{ "enabled": "off" }""")]
    public async Task Enabling_needs_true_or_false(string body)
    {
        using var response = await policy.As(PolicyTokens.Carol).PutAsync("/api/rules/1/enabled", Json(body), Ct);

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["enabled"], problem.Errors.Keys);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
