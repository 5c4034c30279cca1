using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;

/// <summary>
/// Unhealthy until the first rules are loaded, because until then the service refuses what they govern.
/// Rules that are merely old (policy-api down) keep it healthy: the service still decides, as designed.
/// Not tagged "live": a restart would not bring the rules any sooner.
/// </summary>
public sealed class AccessRulesHealthCheck(AccessRuleStore store) : IHealthCheck
{
    public const string Name = "access-rules";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.Current is { } rules
            ? HealthCheckResult.Healthy($"Access rules version {rules.Version} loaded.")
            : HealthCheckResult.Unhealthy("Access rules are not loaded yet; the actions they govern are refused."));
}
