using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ShopAuthDemo.Web.Authentication.Components;
using ShopAuthDemo.Web.Authentication.Problems;
using ShopAuthDemo.Web.Authentication.StepUp;
using ShopAuthDemo.Web.Authentication.Tokens;
using Xunit;

namespace ShopAuthDemo.Tests.Web;

/// <summary>
/// "Sign in again" after an API refused the session's tokens: the session still exists here, and a signed-in
/// user's login link just comes back, so the button signs out first (a POST with antiforgery) and then signs in.
/// After the session ended, the login link is enough.
/// </summary>
public sealed class ProblemNoticeTests
{
    [Fact]
    public async Task Sign_in_again_signs_out_first_then_returns_to_the_sign_in_for_this_page()
    {
        var problem = UserProblem.From(
            new ApiCallFailedException("orders-api", HttpStatusCode.Unauthorized, null, null), "the order service");

        var html = await RenderAsync(problem, "http://localhost/orders");

        Assert.Contains("action=\"authentication/logout\"", html);
        Assert.Contains("method=\"post\"", html);
        Assert.Contains("name=\"returnUrl\" value=\"/authentication/login?returnUrl=%2Forders\"", html);
        Assert.Contains("name=\"__RequestVerificationToken\"", html);
        Assert.Contains(">Sign in again</button>", html);
        Assert.DoesNotContain("href=\"authentication/login", html);
    }

    [Fact]
    public async Task After_the_session_ended_sign_in_again_is_a_plain_link_to_the_sign_in_for_this_page()
    {
        var problem = UserProblem.From(new SessionEndedException("Your session has ended at the sign-in server."), "the order service");

        var html = await RenderAsync(problem, "http://localhost/orders");

        Assert.Contains("href=\"authentication/login?returnUrl=%2Forders\"", html);
        Assert.DoesNotContain("<form", html);
    }

    [Fact]
    public async Task A_step_up_offers_a_sign_in_with_max_age_that_returns_to_this_page()
    {
        var problem = UserProblem.From(new StepUpRequiredException("the order service", new StepUpChallenge(300, null), null), "the order service");

        var html = await RenderAsync(problem, "http://localhost/orders");

        Assert.Contains("href=\"authentication/login?returnUrl=%2Forders&amp;maxAge=270\"", html);
        Assert.DoesNotContain("<form", html);
    }

    [Fact]
    public async Task A_problem_without_sign_in_offers_no_button()
    {
        var html = await RenderAsync(new UserProblem("The order service is not reachable right now.", "Try again."), "http://localhost/orders");

        Assert.DoesNotContain("<form", html);
    }

    private static async Task<string> RenderAsync(UserProblem problem, string uri)
    {
        var services = new ServiceCollection()
            .AddSingleton<NavigationManager>(new FixedNavigationManager(uri))
            .AddSingleton<AntiforgeryStateProvider, FixedAntiforgery>()
            .BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<ProblemNotice>(ParameterView.FromDictionary(
                new Dictionary<string, object?> { [nameof(ProblemNotice.Problem)] = problem }))).ToHtmlString());
    }

    private sealed class FixedNavigationManager : NavigationManager
    {
        public FixedNavigationManager(string uri) => Initialize("http://localhost/", uri);
    }

    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
