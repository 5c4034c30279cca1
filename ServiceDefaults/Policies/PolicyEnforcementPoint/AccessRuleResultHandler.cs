using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyEnforcementPoint;

/// <summary>
/// Turns a failed access-rule requirement into its answer (<see cref="AccessRuleFailure.Response"/>): the
/// default would be a bare 403 that tells the caller nothing. Every other result (no token, missing role)
/// goes to ASP.NET Core's default handler, unchanged.
/// </summary>
public sealed class AccessRuleResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
        authorizeResult.AuthorizationFailure?.FailureReasons.OfType<AccessRuleFailure>().FirstOrDefault() is { } failure
            ? failure.Response.ExecuteAsync(context)
            : fallback.HandleAsync(next, context, policy, authorizeResult);
}
