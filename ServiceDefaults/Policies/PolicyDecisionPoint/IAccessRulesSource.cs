using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;

/// <summary>Where the PDP gets its rules: policy-api (<see cref="PolicyApiRulesClient"/>); a stub in tests.</summary>
public interface IAccessRulesSource
{
    /// <summary>The current rules, or null when they are still <paramref name="knownVersion"/> (HTTP 304).</summary>
    Task<AccessRulesDocument?> FetchAsync(long? knownVersion, CancellationToken cancellationToken);
}
