using Microsoft.AspNetCore.Http.HttpResults;

namespace ShopAuthDemo.Policy.Api.Apis;

// The answers a caller can cause, each with a reason it can show.
public static class PolicyProblems
{
    public static ProblemHttpResult RuleNotFound(int id) => TypedResults.Problem(
        title: "Rule not found.",
        detail: $"There is no access rule with id {id}.",
        statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult DirectoryUnavailable(string reason) => TypedResults.Problem(
        title: "The user directory is unavailable.",
        detail: $"The rule tester looks users up in the identity provider's user directory, which did not answer: {reason} " +
            "Test with a client caller, or try again once the identity provider is back.",
        statusCode: StatusCodes.Status503ServiceUnavailable);
}
