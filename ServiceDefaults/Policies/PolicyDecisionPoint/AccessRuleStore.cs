namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;

/// <summary>
/// The rules this service decides with: one immutable <see cref="AccessRuleSet"/>, swapped whole by the
/// refresher and read without a lock by every decision, so a decision never waits for (or on) policy-api.
/// Null until the first load: the PEP then refuses the governed actions (fail closed).
/// </summary>
public sealed class AccessRuleStore
{
    private AccessRuleSet? current;
    private long confirmedAtTicks;

    public AccessRuleSet? Current => Volatile.Read(ref current);

    /// <summary>When policy-api last answered a poll with these rules (or newer): how stale they may be.</summary>
    public DateTimeOffset ConfirmedAt => new(Interlocked.Read(ref confirmedAtTicks), TimeSpan.Zero);

    public void Replace(AccessRuleSet rules, DateTimeOffset at)
    {
        Volatile.Write(ref current, rules);
        Confirm(at);
    }

    public void Confirm(DateTimeOffset at) => Interlocked.Exchange(ref confirmedAtTicks, at.UtcTicks);
}
