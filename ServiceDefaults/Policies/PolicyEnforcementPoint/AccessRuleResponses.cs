using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyEnforcementPoint;

/// <summary>
/// What the PEP answers when the rules do not permit, as problem details that tell the caller what to do:
/// 403 with the rule and its reason; 401 with an RFC 9470 step-up challenge, which a client understands
/// without reading the body (sign the user in again with <c>max_age</c>); 503 while no rules are loaded.
/// </summary>
public static class AccessRuleResponses
{
    public const string StepUpError = "insufficient_user_authentication";
    public const string StepUpDescription = "A more recent sign-in is required";
    public const string RulesNotLoadedTitle = "Access rules are not loaded yet";

    public static IResult For(AccessDecision decision) =>
        decision.Outcome == DecisionOutcome.StepUp ? StepUp(decision) : Refused(decision);

    public static IResult Refused(AccessDecision decision) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Refused by an access rule.",
        detail: decision.Reason,
        extensions: new Dictionary<string, object?> { ["rule"] = decision.Rule?.Name });

    // RFC 9470 section 3: error, a description, and max_age in seconds. The challenge carries no reason:
    // headers end up in proxies' logs, and the reason quotes the user's sign-in time.
    public static IResult StepUp(AccessDecision decision) => new WithHeader(
        TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: StepUpDescription + ".",
            detail: decision.Reason,
            extensions: new Dictionary<string, object?> { ["rule"] = decision.Rule?.Name, ["maxAge"] = decision.MaxAgeSeconds }),
        HeaderNames.WWWAuthenticate,
        $"Bearer error=\"{StepUpError}\", error_description=\"{StepUpDescription}\", max_age={decision.MaxAgeSeconds}");

    public static IResult RulesNotLoaded(string action) => new WithHeader(
        TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: RulesNotLoadedTitle,
            detail: $"This service has not loaded the access rules that govern {action} yet, so it refuses rather than guess. Try again in a moment."),
        HeaderNames.RetryAfter,
        "5");

    private sealed class WithHeader(IResult problem, string header, string value) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[header] = value;
            return problem.ExecuteAsync(httpContext);
        }
    }
}
