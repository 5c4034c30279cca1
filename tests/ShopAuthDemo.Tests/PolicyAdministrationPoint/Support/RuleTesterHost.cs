using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace ShopAuthDemo.Tests.PolicyAdministrationPoint.Support;

/// <summary>
/// policy-api with the seeded step-up, location, time and group rules enabled (the time rule is seeded
/// disabled; the company rule stays disabled, as seeded), for the rule tester.
/// </summary>
public class RuleTesterHost : IAsyncLifetime
{
    private readonly (int Id, bool Enabled)[] switches;

    public RuleTesterHost() : this((3, true))
    {
    }

    /// <param name="switches">Seeded rules to enable or disable before the tests.</param>
    protected RuleTesterHost(params (int Id, bool Enabled)[] switches) => this.switches = switches;

    public PolicyApiHost Policy { get; } = new();

    public async ValueTask InitializeAsync()
    {
        foreach (var (id, enabled) in switches)
        {
            await Policy.As(PolicyTokens.Carol).SendJsonAsync(HttpMethod.Put, $"/api/rules/{id}/enabled", new { enabled }, HttpStatusCode.OK);
        }
    }

    public ValueTask DisposeAsync() => Policy.DisposeAsync();

    public async Task<JsonElement> TestAsync(string action, string callerKind, string callerName, object? whatIf = null)
    {
        using var response = await Policy.As(PolicyTokens.Carol).PostAsJsonAsync("/api/rule-tests",
            new { action, caller = new { kind = callerKind, name = callerName }, whatIf }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }
}

/// <summary>policy-api with the seeded company rule enabled and the location rule off: grinders are decided by company alone.</summary>
public sealed class CompanyRuleTesterHost() : RuleTesterHost((2, false), (5, true));

public static class RuleTestResults
{
    public static string Outcome(this JsonElement result) => result.GetProperty("outcome").GetString()!;

    public static int? RuleId(this JsonElement result) =>
        result.GetProperty("rule").ValueKind == JsonValueKind.Null ? null : result.GetProperty("rule").GetProperty("id").GetInt32();

    /// <summary>An attribute of the result as "value (source)", e.g. "US (UserDirectory)".</summary>
    public static string Attribute(this JsonElement result, string name)
    {
        var attribute = result.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == name);
        return $"{attribute.GetProperty("value").GetString()} ({attribute.GetProperty("source").GetString()})";
    }
}
