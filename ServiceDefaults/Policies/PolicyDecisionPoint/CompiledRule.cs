using ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;

public enum RuleVerdict
{
    /// <summary>The rule does not speak to this request (an order below the step-up amount).</summary>
    NotApplicable,
    Satisfied,
    Refused,
    NeedsStepUp,
}

/// <summary>
/// A rule ready to evaluate: its parameters parsed once (time zone, sets) when the rules are loaded, so a
/// decision only compares values. One subclass per <see cref="RuleKind"/>.
/// </summary>
public abstract class CompiledRule(AccessRule definition)
{
    public AccessRule Definition { get; } = definition;

    /// <summary>True when the rule speaks to this action.</summary>
    public virtual bool Governs(string action) => Definition.Action == action;

    /// <summary>True when the rule reads what only userinfo supplies (the user's country, their company).</summary>
    public virtual bool ReadsUserInfo => false;

    public abstract RuleVerdict Evaluate(AccessRequest request);

    /// <summary>Why this rule refused or asked for a step-up, in words for the caller.</summary>
    public abstract string Explain(AccessRequest request);

    public abstract IEnumerable<DecisionAttribute> AttributesRead(AccessRequest request);

    /// <summary>
    /// A rule that cannot be read here (a time zone this machine does not know) refuses its action rather
    /// than being skipped: a rule an admin believes is in force must never silently allow.
    /// </summary>
    public static CompiledRule Compile(AccessRule rule)
    {
        var problems = RuleValidation.Validate(new AccessRuleInput(rule.Name, rule.Kind, rule.Enabled, rule.Parameters));
        if (problems.Count > 0) return new UnreadableRule(rule, string.Join(" ", problems.Values.SelectMany(v => v)));

        var p = rule.Parameters;
        return rule.Kind switch
        {
            RuleKind.StepUp => new StepUpRule(rule, p.AmountAbove!.Value, p.MaxAgeMinutes!.Value),
            RuleKind.Time => new TimeWindowRule(rule, p.Weekdays!, p.From!.Value, p.Until!.Value,
                TimeZoneInfo.FindSystemTimeZoneById(p.TimeZone!)),
            RuleKind.Location => new LocationRule(rule, p.Countries!, p.Category!),
            RuleKind.Group => new GroupRule(rule, p.PercentAbove!.Value, p.Group!),
            RuleKind.Company => new CompanyRule(rule, p.Companies!, p.Category!),
            _ => new UnreadableRule(rule, $"Unknown kind {rule.Kind}."),
        };
    }

    /// <summary>
    /// Whether <paramref name="values"/> holds <paramref name="wanted"/>. Indexes a list rather than using
    /// foreach over the interface, whose boxed enumerator would be an allocation on every decision.
    /// </summary>
    protected static bool Contains(IReadOnlyCollection<string> values, string wanted, StringComparison comparison)
    {
        if (values is IReadOnlyList<string> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (string.Equals(list[i], wanted, comparison)) return true;
            }
            return false;
        }
        foreach (var value in values)
        {
            if (string.Equals(value, wanted, comparison)) return true;
        }
        return false;
    }

    protected static string Text(DateTimeOffset? value) => value?.ToString("u") ?? "none";

    protected static string Text(decimal? value) => value?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "none";
}

internal sealed class UnreadableRule(AccessRule definition, string problem) : CompiledRule(definition)
{
    // A kind this code does not know may govern any action: it refuses them all until this service knows it.
    public override bool Governs(string action) => Definition.Action is null || Definition.Action == action;

    public override RuleVerdict Evaluate(AccessRequest request) => RuleVerdict.Refused;

    public override string Explain(AccessRequest request) =>
        $"Rule '{Definition.Name}' cannot be read by this service ({problem}), so it refuses until an admin fixes it.";

    public override IEnumerable<DecisionAttribute> AttributesRead(AccessRequest request) => [];
}
