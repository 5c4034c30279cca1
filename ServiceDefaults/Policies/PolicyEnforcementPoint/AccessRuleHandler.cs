using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ShopAuthDemo.ServiceDefaults.Authentication;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyEnforcementPoint;

/// <summary>
/// The PEP's check behind <c>.RequireAuthorization(policy)</c>: asks the PIP for the attributes, the PDP
/// (this service's current rules, no network call) for a decision, records it, and permits or fails with
/// the decision as the reason. Fails closed: no rules loaded, no resource, no permit.
/// </summary>
public sealed class AccessRuleHandler(AccessRuleStore store, AccessRequestAssembler pip, DecisionRecorder recorder,
    ILogger<AccessRuleHandler> logger) : AuthorizationHandler<AccessRuleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AccessRuleRequirement requirement)
    {
        // Decided only for a caller every other requirement of the policy already admits (ASP.NET Core runs
        // its built-in requirements first): anyone else must not make this service read the body, price an
        // order or call userinfo. And once per request, however often the policy names the action.
        if (context.HasFailed || context.PendingRequirements.Count() != 1 || !context.PendingRequirements.Contains(requirement)
            || context.Resource is not HttpContext httpContext)
        {
            return;
        }

        if (store.Current is not { } rules)
        {
            logger.RefusedWithoutRules(requirement.Action, context.User.GetSubject());
            context.Fail(AccessRuleFailure.RulesNotLoaded(this, requirement.Action));
            return;
        }

        var (request, refusal) = await pip.AssembleAsync(requirement.Action, rules, httpContext, context.User, httpContext.RequestAborted);
        if (request is null)
        {
            context.Fail(AccessRuleFailure.ResourceUnreadable(this, refusal!));
            return;
        }

        var decision = rules.Decide(request);
        recorder.Record(decision);
        if (decision.Outcome == DecisionOutcome.Permit)
            context.Succeed(requirement);
        else
            context.Fail(AccessRuleFailure.Decided(this, decision));
    }
}
