using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace ShopAuthDemo.Tests.PolicyAdministrationPoint.Support;

/// <summary>policy-api with all four seeded rules enabled (the time rule is seeded disabled), for the rule tester.</summary>
public sealed class RuleTesterHost : IAsyncLifetime
{
    public PolicyApiHost Policy { get; } = new();

    public async ValueTask InitializeAsync() =>
        await Policy.As(PolicyTokens.Carol).SendJsonAsync(HttpMethod.Put, "/api/rules/3/enabled", new { enabled = true }, HttpStatusCode.OK);

    public ValueTask DisposeAsync() => Policy.DisposeAsync();

    public async Task<JsonElement> TestAsync(string action, string callerKind, string callerName, object? whatIf = null)
    {
        using var response = await Policy.As(PolicyTokens.Carol).PostAsJsonAsync("/api/rule-tests",
            new { action, caller = new { kind = callerKind, name = callerName }, whatIf }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }
}

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
