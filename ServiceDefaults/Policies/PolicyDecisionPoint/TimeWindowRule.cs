using ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;

/// <summary>
/// Price changes only on given weekdays between two times in a time zone: a stolen admin session used at
/// night or at the weekend, when nobody would notice, cannot change prices.
/// </summary>
public sealed class TimeWindowRule : CompiledRule
{
    private readonly int weekdayMask;
    private readonly TimeOnly from;
    private readonly TimeOnly until;
    private readonly TimeZoneInfo timeZone;

    public TimeWindowRule(AccessRule definition, IEnumerable<DayOfWeek> weekdays, TimeOnly from, TimeOnly until, TimeZoneInfo timeZone)
        : base(definition)
    {
        foreach (var day in weekdays) weekdayMask |= 1 << (int)day;
        this.from = from;
        this.until = until;
        this.timeZone = timeZone;
    }

    public override RuleVerdict Evaluate(AccessRequest request)
    {
        var local = TimeZoneInfo.ConvertTime(request.Now.Value, timeZone);
        var time = TimeOnly.FromTimeSpan(local.TimeOfDay);
        return (weekdayMask & (1 << (int)local.DayOfWeek)) != 0 && time >= from && time < until
            ? RuleVerdict.Satisfied
            : RuleVerdict.Refused;
    }

    public override string Explain(AccessRequest request) =>
        $"Prices can be changed only {string.Join(", ", Definition.Parameters.Weekdays!)} from {from:HH\\:mm} to {until:HH\\:mm} " +
        $"{timeZone.Id} time; it is now {TimeZoneInfo.ConvertTime(request.Now.Value, timeZone):dddd HH\\:mm} there. Try again within the window.";

    public override IEnumerable<DecisionAttribute> AttributesRead(AccessRequest request) =>
        [new("context.now", Text(request.Now.Value), request.Now.Source)];
}
