using ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;

namespace ShopAuthDemo.Shop.Web.Apis;

// orders-api's GET /api/access-decisions/mine item: one decision its PDP made about the signed-in customer,
// with the rule that decided (null when none stood in the way), why, and each attribute with its source.
public sealed record AccessDecisionAboutMe(
    DateTimeOffset At,
    string Action,
    DecisionOutcome Outcome,
    string? Rule,
    string Reason,
    IReadOnlyList<DecisionAttribute> Attributes);
