using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ShopAuthDemo.Policy.Api.Authorization;
using ShopAuthDemo.Policy.Api.PolicyInformationPoint;
using ShopAuthDemo.Policy.Api.RuleTesting;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.Policy.Api.Apis;

/// <summary>The rule tester: what the services would decide for a caller, without touching real data.</summary>
public static class RuleTestsApi
{
    public static IEndpointRouteBuilder MapRuleTestsApi(this IEndpointRouteBuilder app)
    {
        // Admin only: the tester reads people's country, company and groups from the directory.
        var tests = app.MapGroup("/api/rule-tests").WithTags("Rule tests")
            .RequireAuthorization(PolicyApiPolicies.ManageRules);

        tests.MapGet("/callers", GetCallers);
        tests.MapPost("/", TestRequest);

        return app;
    }

    public static async Task<Results<Ok<CallersResponse>, ProblemHttpResult>> GetCallers(
        UserDirectory directory, TestClients clients, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(new CallersResponse(await directory.UsernamesAsync(cancellationToken), clients.ClientIds));
        }
        catch (UserDirectoryUnavailableException exception)
        {
            return DirectoryUnavailable(exception, loggers);
        }
    }

    public static async Task<Results<Ok<RuleTestResponse>, ValidationProblem, ProblemHttpResult>> TestRequest(
        JsonBody<RuleTestRequest> body, RuleTester tester, TestClients clients, ClaimsPrincipal user,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var errors = body.Errors.Count > 0 ? body.Errors : body.Value!.Validate(clients);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var test = body.Value!;
        RuleTestResponse? result;
        try
        {
            result = await tester.TestAsync(test, cancellationToken);
        }
        catch (UserDirectoryUnavailableException exception)
        {
            return DirectoryUnavailable(exception, loggers);
        }

        if (result is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["caller.name"] = [$"There is no user '{test.Caller!.Name}' in the identity provider's directory."],
            });
        }

        // Who tested what; not whom: the tested user's name and attributes stay out of the log.
        loggers.CreateLogger(typeof(RuleTestsApi)).LogInformation(
            "Rule test of {Action} for a {CallerKind} by {Subject}: {Outcome} (rule {RuleId})",
            test.Action, test.Caller!.Kind, user.GetSubject(), result.Outcome, result.Rule?.Id);
        return TypedResults.Ok(result);
    }

    private static ProblemHttpResult DirectoryUnavailable(UserDirectoryUnavailableException exception, ILoggerFactory loggers)
    {
        loggers.CreateLogger(typeof(RuleTestsApi)).LogWarning(exception, "The user directory did not answer: {Reason}", exception.Message);
        return PolicyProblems.DirectoryUnavailable(exception.Message);
    }
}
