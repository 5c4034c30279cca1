using ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;

/// <summary>
/// Price changes above a percentage need membership of a group: every admin may correct a price, only the
/// pricing leads may halve or double one (a typo or a rogue admin cannot wreck the price list alone).
/// </summary>
public sealed class GroupRule(AccessRule definition, decimal percentAbove, string group) : CompiledRule(definition)
{
    public override RuleVerdict Evaluate(AccessRequest request)
    {
        if (request.PriceChangePercent.Value is not { } percent || percent <= percentAbove) return RuleVerdict.NotApplicable;
        return Contains(request.Groups.Value, group, StringComparison.Ordinal) ? RuleVerdict.Satisfied : RuleVerdict.Refused;
    }

    public override string Explain(AccessRequest request) =>
        $"Price changes above {Text(percentAbove)} % need membership of group '{group}' (this one is {Text(request.PriceChangePercent.Value)} %). " +
        "Ask a member of that group to make this change.";

    public override IEnumerable<DecisionAttribute> AttributesRead(AccessRequest request) =>
    [
        new("price.change_percent", Text(request.PriceChangePercent.Value), request.PriceChangePercent.Source),
        new("user.groups", string.Join(", ", request.Groups.Value), request.Groups.Source),
    ];
}
