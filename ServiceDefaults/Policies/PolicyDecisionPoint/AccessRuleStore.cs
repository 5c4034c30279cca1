namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;

/// <summary>
/// The rules this service decides with: one immutable <see cref="AccessRuleSet"/>, swapped whole by the
/// refresher and read without a lock by every decision, so a decision never waits for (or on) policy-api.
/// Null until the first load: the PEP then refuses the governed actions (fail closed).
/// </summary>
public sealed class AccessRuleStore
{
    private AccessRuleSet? current;

    public AccessRuleSet? Current => Volatile.Read(ref current);

    public void Replace(AccessRuleSet rules) => Volatile.Write(ref current, rules);
}
