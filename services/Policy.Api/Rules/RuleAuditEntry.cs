using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.Policy.Api.Rules;

/// <summary>One change to one rule: who made it, when, and the rule before and after.</summary>
public sealed class RuleAuditEntry
{
    public long Id { get; set; }

    public int RuleId { get; set; }

    /// <summary>The rules version this change produced.</summary>
    public long Version { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The admin's preferred_username, as shown on the page.</summary>
    public required string Who { get; set; }

    /// <summary>The admin's sub: the stable id, since a username can be renamed.</summary>
    public required string WhoSub { get; set; }

    public required string Change { get; set; }

    public AccessRule? Before { get; set; }

    public required AccessRule After { get; set; }
}
