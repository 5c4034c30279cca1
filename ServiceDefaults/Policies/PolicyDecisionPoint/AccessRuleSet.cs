using System.Collections.Frozen;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;

/// <summary>
/// One version of the rules, compiled and grouped by action: the decision code every service runs on its
/// own copy, and the rule tester runs on the stored rules. Immutable, so a refresh swaps it whole.
/// </summary>
public sealed class AccessRuleSet
{
    private readonly FrozenDictionary<string, CompiledRule[]> byAction;

    private AccessRuleSet(long version, IReadOnlyList<AccessRule> rules)
    {
        Version = version;
        Rules = rules;
        var compiled = rules.Where(rule => rule.Enabled).OrderBy(rule => rule.Id).Select(CompiledRule.Compile).ToList();
        byAction = AccessActions.All.ToFrozenDictionary(action => action,
            action => compiled.Where(rule => rule.Governs(action)).ToArray());
    }

    public long Version { get; }

    public IReadOnlyList<AccessRule> Rules { get; }

    public static AccessRuleSet From(AccessRulesDocument document) => new(document.Version, document.Rules);

    /// <summary>True when an enabled rule of the action needs the user's country or company (a userinfo lookup).</summary>
    public bool ReadsUserInfo(string action) =>
        byAction.TryGetValue(action, out var rules) && Array.Exists(rules, rule => rule.ReadsUserInfo);

    /// <summary>
    /// Deny overrides: the first rule (by id) that refuses decides. Otherwise a rule that needs a fresher
    /// sign-in asks for one (the strictest age if several do); a step-up cannot lift a refusal, so a
    /// refusal is never turned into a sign-in prompt. Otherwise the request is permitted.
    /// </summary>
    public AccessDecision Decide(AccessRequest request)
    {
        var rules = byAction.GetValueOrDefault(request.Action) ?? [];
        StepUpRule? strictest = null;
        foreach (var rule in rules)
        {
            switch (rule.Evaluate(request))
            {
                case RuleVerdict.Refused:
                    return new AccessDecision(DecisionOutcome.Deny, rule, rules, request, maxAgeSeconds: null);
                case RuleVerdict.NeedsStepUp when rule is StepUpRule stepUp
                    && (strictest is null || stepUp.MaxAgeSeconds < strictest.MaxAgeSeconds):
                    strictest = stepUp;
                    break;
            }
        }
        return strictest is null
            ? new AccessDecision(DecisionOutcome.Permit, null, rules, request, maxAgeSeconds: null)
            : new AccessDecision(DecisionOutcome.StepUp, strictest, rules, request, strictest.MaxAgeSeconds);
    }
}
