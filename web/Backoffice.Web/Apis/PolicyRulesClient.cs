using System.Net.Http.Json;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;
using ShopAuthDemo.Web.Authentication.Problems;

namespace ShopAuthDemo.Backoffice.Web.Apis;

/// <summary>
/// policy-api, the Policy Administration Point: the access rules, their audit log and the rule tester. Called
/// as the signed-in admin (aud policy-api from scope <c>policies</c>, role <c>admin</c>, both checked there).
/// </summary>
public sealed class PolicyRulesClient(HttpClient http)
{
    public const string Name = "the access rules service";

    public async Task<AccessRulesDocument> GetRulesAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("/api/rules", cancellationToken);
        return await response.ReadOrThrowAsync<AccessRulesDocument>(Name, cancellationToken);
    }

    /// <exception cref="ApiCallFailedException">400 with field errors (<see cref="ApiCallFailedException.Errors"/>).</exception>
    public async Task<AccessRule> CreateAsync(AccessRuleInput rule, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/api/rules", rule, ApiResponses.Json, cancellationToken);
        return await response.ReadOrThrowAsync<AccessRule>(Name, cancellationToken);
    }

    /// <exception cref="ApiCallFailedException">400 with field errors, or 404.</exception>
    public async Task<AccessRule> ChangeAsync(int id, AccessRuleInput rule, CancellationToken cancellationToken)
    {
        using var response = await http.PutAsJsonAsync($"/api/rules/{id}", rule, ApiResponses.Json, cancellationToken);
        return await response.ReadOrThrowAsync<AccessRule>(Name, cancellationToken);
    }

    public async Task<AccessRule> SetEnabledAsync(int id, bool enabled, CancellationToken cancellationToken)
    {
        using var response = await http.PutAsJsonAsync($"/api/rules/{id}/enabled", new RuleEnabled(enabled), ApiResponses.Json, cancellationToken);
        return await response.ReadOrThrowAsync<AccessRule>(Name, cancellationToken);
    }

    /// <summary>Every change to the rules, newest first.</summary>
    public async Task<IReadOnlyList<RuleAuditEntry>> GetAuditAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("/api/rules/audit", cancellationToken);
        return await response.ReadOrThrowAsync<List<RuleAuditEntry>>(Name, cancellationToken);
    }

    /// <summary>Whom a request can be tested for: the dev users and the clients of the realm.</summary>
    public async Task<RuleTestCallers> GetTestCallersAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("/api/rule-tests/callers", cancellationToken);
        return await response.ReadOrThrowAsync<RuleTestCallers>(Name, cancellationToken);
    }

    /// <summary>Decides a made-up request with the stored rules and the services' decision code; touches no real data.</summary>
    public async Task<RuleTestResult> TestAsync(RuleTestRequest request, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/api/rule-tests", request, ApiResponses.Json, cancellationToken);
        return await response.ReadOrThrowAsync<RuleTestResult>(Name, cancellationToken);
    }
}
