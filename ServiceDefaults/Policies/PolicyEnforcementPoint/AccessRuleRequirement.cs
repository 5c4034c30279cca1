using Microsoft.AspNetCore.Authorization;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyEnforcementPoint;

/// <summary>
/// "The access rules of this action must permit the request." Added to a policy with
/// <see cref="AccessRulePolicyExtensions.RequireAccessRules"/>, so the endpoint's PEP stays the familiar
/// <c>.RequireAuthorization(policy)</c>. A record: the same action twice in one policy is one requirement.
/// </summary>
public sealed record AccessRuleRequirement(string Action) : IAuthorizationRequirement;

public static class AccessRulePolicyExtensions
{
    /// <summary>
    /// Decided only for callers every other requirement of the policy admits. ASP.NET Core's own requirements
    /// (roles, claims, assertions) are checked first; a custom requirement whose handler is registered after
    /// <c>AddAccessRules</c> would keep the rules from being asked, and the request is refused (fail closed).
    /// </summary>
    public static AuthorizationPolicyBuilder RequireAccessRules(this AuthorizationPolicyBuilder policy, string action) =>
        policy.AddRequirements(new AccessRuleRequirement(action));
}
