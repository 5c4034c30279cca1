using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyEnforcementPoint;

/// <summary>
/// Why an <see cref="AccessRuleRequirement"/> failed, carried to <see cref="AccessRuleResultHandler"/>
/// with the answer the caller gets: a refusal or step-up (the decision), rules not loaded, or a resource
/// that could not be read.
/// </summary>
public sealed class AccessRuleFailure : AuthorizationFailureReason
{
    private AccessRuleFailure(IAuthorizationHandler handler, string message, IResult response, AccessDecision? decision)
        : base(handler, message)
    {
        Response = response;
        Decision = decision;
    }

    public IResult Response { get; }

    /// <summary>The decision that refused or asked for a step-up; null for the other failures.</summary>
    public AccessDecision? Decision { get; }

    public static AccessRuleFailure Decided(IAuthorizationHandler handler, AccessDecision decision) =>
        new(handler, decision.Reason, AccessRuleResponses.For(decision), decision);

    public static AccessRuleFailure RulesNotLoaded(IAuthorizationHandler handler, string action) =>
        new(handler, $"The access rules for {action} are not loaded yet.", AccessRuleResponses.RulesNotLoaded(action), null);

    public static AccessRuleFailure ResourceUnreadable(IAuthorizationHandler handler, IResult problem) =>
        new(handler, "The resource of this request could not be read.", problem, null);
}
