using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ShopAuthDemo.Policy.Api.Infrastructure;

// Every service's PDP depends on reading the rules from here: healthy means the database answers.
public sealed class PolicyDatabaseHealthCheck(PolicyContext policy) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await policy.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The policy database cannot be reached.");
}
