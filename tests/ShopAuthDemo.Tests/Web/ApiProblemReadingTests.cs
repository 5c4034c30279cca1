using System.Net;
using System.Text;
using ShopAuthDemo.Web.Authentication.Problems;
using ShopAuthDemo.Web.Authentication.StepUp;
using Xunit;

namespace ShopAuthDemo.Tests.Web;

/// <summary>
/// What the web apps make of an API's refusal: a step-up challenge becomes "sign in again" with max_age, an
/// access rule's 403 shows the rule and its reason, and a 400's field errors stay keyed by field.
/// </summary>
public sealed class ApiProblemReadingTests
{
    [Fact]
    public async Task A_step_up_challenge_becomes_a_sign_in_again_with_max_age_and_the_apis_reason()
    {
        using var response = Answer(HttpStatusCode.Unauthorized,
            """{"title":"A more recent sign-in is needed","detail":"Orders above 100 need a sign-in within the last 5 minutes.","maxAge":300}""");
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", """Bearer error="insufficient_user_authentication", max_age=300""");

        var stepUp = await Assert.ThrowsAsync<StepUpRequiredException>(() => ReadAsync(response));
        var problem = UserProblem.From(stepUp, "the order service");

        Assert.Equal(300, stepUp.Challenge.MaxAgeSeconds);
        Assert.Equal("Orders above 100 need a sign-in within the last 5 minutes.", problem.WhatFailed);
        Assert.Equal(270, problem.StepUpMaxAge);
        Assert.True(problem.SignInAgain);
    }

    [Fact]
    public async Task A_refusal_by_an_access_rule_names_the_rule_and_its_reason()
    {
        using var response = Answer(HttpStatusCode.Forbidden,
            """{"title":"Refused by an access rule","detail":"Products in Grinders cannot be ordered from US.","rule":"No grinders to the US"}""");

        var refused = await Assert.ThrowsAsync<ApiCallFailedException>(() => ReadAsync(response));
        var problem = UserProblem.From(refused, "the order service");

        Assert.Equal("Refused by the access rule \"No grinders to the US\".", problem.WhatFailed);
        Assert.Equal("Products in Grinders cannot be ordered from US.", problem.WhatToDo);
        Assert.False(problem.SignInAgain);
    }

    [Fact]
    public async Task A_403_without_a_rule_is_still_about_the_account()
    {
        using var response = Answer(HttpStatusCode.Forbidden, """{"title":"Forbidden","status":403}""");

        var problem = UserProblem.From(await Assert.ThrowsAsync<ApiCallFailedException>(() => ReadAsync(response)), "the order service");

        Assert.StartsWith("You are signed in, but the order service does not allow this", problem.WhatFailed);
    }

    [Fact]
    public async Task Field_errors_of_a_validation_problem_stay_keyed_by_field()
    {
        using var response = Answer(HttpStatusCode.BadRequest,
            """{"title":"One or more validation errors occurred.","errors":{"name":["Give the rule a name."],"parameters.amountAbove":["Enter an amount from 0 to 1,000,000."]}}""");

        var failed = await Assert.ThrowsAsync<ApiCallFailedException>(() => ReadAsync(response));

        Assert.Equal(["Enter an amount from 0 to 1,000,000."], failed.Errors["parameters.amountAbove"]);
        Assert.Equal(["Give the rule a name."], failed.Errors["name"]);
    }

    private static Task<object> ReadAsync(HttpResponseMessage response) =>
        response.ReadOrThrowAsync<object>("the order service", TestContext.Current.CancellationToken);

    private static HttpResponseMessage Answer(HttpStatusCode status, string problem) =>
        new(status) { Content = new StringContent(problem, Encoding.UTF8, "application/problem+json") };
}
