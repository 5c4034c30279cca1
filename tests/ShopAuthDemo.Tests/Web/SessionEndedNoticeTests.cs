using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Tests.Web.Support;
using ShopAuthDemo.Web.Authentication.Problems;
using ShopAuthDemo.Web.Authentication.Tokens;
using Xunit;

namespace ShopAuthDemo.Tests.Web;

/// <summary>The notice a page shows when the session has ended says "Sign in again" once: on its button.</summary>
public sealed class SessionEndedNoticeTests
{
    [Fact]
    public async Task Notice_for_an_unknown_session_says_sign_in_again_once()
    {
        await using var host = await WebSignInHost.StartAsync();
        var tokens = host.Services.GetRequiredService<UserAccessTokens>();

        var ended = await Assert.ThrowsAsync<SessionEndedException>(
            () => tokens.GetAccessTokenAsync("no-such-session", TestContext.Current.CancellationToken));

        AssertSaysSignInAgainOnce(UserProblem.From(ended, "the order service"));
    }

    [Fact]
    public async Task Notice_after_the_identity_provider_refused_the_refresh_says_sign_in_again_once()
    {
        await using var host = await WebSignInHost.StartAsync();
        await host.SignInAsync("alice");
        // The session, with an access token due for renewal; the recorder refuses every refresh (invalid_grant).
        var session = (await host.Sessions.EndForIdentityProviderAsync(sid: null, sub: "alice-id")).Single();
        await host.Sessions.SaveAsync(session with { Tokens = session.Tokens! with { ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) } });
        var tokens = host.Services.GetRequiredService<UserAccessTokens>();

        var ended = await Assert.ThrowsAsync<SessionEndedException>(
            () => tokens.GetAccessTokenAsync(session.Key, TestContext.Current.CancellationToken));

        AssertSaysSignInAgainOnce(UserProblem.From(ended, "the order service"));
    }

    [Fact]
    public void Notice_for_a_refused_sign_in_at_an_api_says_sign_in_again_once() =>
        AssertSaysSignInAgainOnce(UserProblem.From(
            new ApiCallFailedException("orders-api", System.Net.HttpStatusCode.Unauthorized, null, null), "the order service"));

    private static void AssertSaysSignInAgainOnce(UserProblem problem)
    {
        Assert.True(problem.SignInAgain);
        var shown = $"{problem.WhatFailed} {problem.WhatToDo} {UserProblem.SignInAgainLabel}";
        Assert.Single(Regex.Matches(shown, "sign in again", RegexOptions.IgnoreCase));
    }
}
