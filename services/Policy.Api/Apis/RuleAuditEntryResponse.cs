using ShopAuthDemo.Policy.Api.Rules;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.Policy.Api.Apis;

public sealed record RuleAuditEntryResponse(
    long Id, int RuleId, DateTimeOffset At, string Who, string WhoSub, string Change, AccessRule? Before, AccessRule After)
{
    public static RuleAuditEntryResponse From(RuleAuditEntry entry) =>
        new(entry.Id, entry.RuleId, entry.At, entry.Who, entry.WhoSub, entry.Change, entry.Before, entry.After);
}
