using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;

/// <summary>
/// Unhealthy until the first rules are loaded, because until then the service refuses what they govern.
/// Degraded once policy-api has not confirmed the rules for <see cref="StaleAfter"/> (down, or serving a
/// document this service cannot read): the service still decides, on rules an admin may since have changed,
/// and the dashboard should say so. Not tagged "live": a restart would not bring the rules any sooner.
/// </summary>
public sealed class AccessRulesHealthCheck(AccessRuleStore store, TimeProvider time) : IHealthCheck
{
    public const string Name = "access-rules";

    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (store.Current is not { } rules)
            return Task.FromResult(HealthCheckResult.Unhealthy("Access rules are not loaded yet; the actions they govern are refused."));

        var age = time.GetUtcNow() - store.ConfirmedAt;
        return Task.FromResult(age > StaleAfter
            ? HealthCheckResult.Degraded($"Access rules version {rules.Version} not confirmed by policy-api for {age.TotalSeconds:0} s; deciding on them.")
            : HealthCheckResult.Healthy($"Access rules version {rules.Version} loaded."));
    }
}
