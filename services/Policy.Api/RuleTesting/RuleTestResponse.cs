using ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.Policy.Api.RuleTesting;

/// <summary>The decision as the services would make it, and every attribute it read with its source.</summary>
public sealed record RuleTestResponse(
    DecisionOutcome Outcome, AccessRule? Rule, string Reason, int? MaxAgeSeconds, IReadOnlyList<DecisionAttribute> Attributes);
