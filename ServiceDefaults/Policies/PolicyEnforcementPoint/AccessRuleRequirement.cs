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
    /// <summary>Put it last in the policy: it is decided only for callers every other requirement admits.</summary>
    public static AuthorizationPolicyBuilder RequireAccessRules(this AuthorizationPolicyBuilder policy, string action) =>
        policy.AddRequirements(new AccessRuleRequirement(action));
}
