using System.Net;
using Polly;
using ShopAuthDemo.Web.Authentication.StepUp;
using ShopAuthDemo.Web.Authentication.Tokens;

namespace ShopAuthDemo.Web.Authentication.Problems;

/// <summary>What failed and what the user can do about it, in words a shopper understands.</summary>
/// <param name="SignInAgain">Shows a button labelled <see cref="SignInAgainLabel"/>; the text then does not repeat it.</param>
/// <param name="SignOutFirst">
/// The session still exists here (an API refused its tokens): the button signs out first, because a signed-in
/// user's login link only comes back. When the session has ended, a plain login link is enough, and a sign-out
/// form would fail: its antiforgery token names the user who is no longer signed in.
/// </param>
/// <param name="StepUpMaxAge">
/// An API asked for a more recent sign-in (RFC 9470): the button signs in again with this <c>max_age</c>, which
/// the login endpoint honours even over a live session.
/// </param>
public sealed record UserProblem(string WhatFailed, string WhatToDo, bool SignInAgain = false, bool SignOutFirst = false,
    int? StepUpMaxAge = null)
{
    public const string SignInAgainLabel = "Sign in again";

    /// <param name="api">How the page names the API, e.g. "the order service".</param>
    public static UserProblem From(Exception exception, string api) => exception switch
    {
        SessionEndedException ended => new(ended.Message, "Nothing you entered is lost.", SignInAgain: true),
        IdentityProviderUnavailableException unavailable => new(unavailable.Message, "Wait a minute, then try again."),
        StepUpRequiredException stepUp => new(
            stepUp.Detail ?? $"{Capitalized(api)} needs a more recent sign-in for this.", "Nothing you entered is lost.",
            SignInAgain: true, StepUpMaxAge: StepUpSignIn.MaxAgeFor(stepUp.Challenge)),
        // An access rule refused (not a missing role): its reason says what would make the request acceptable.
        ApiCallFailedException { Status: HttpStatusCode.Forbidden, Rule: { } rule } refused => new(
            $"Refused by the access rule \"{rule}\".", refused.Detail ?? "Ask an administrator about this rule."),
        ApiCallFailedException { Status: HttpStatusCode.Forbidden } => new(
            $"You are signed in, but {api} does not allow this for your account.", "Sign out, then sign in as a user with the needed role."),
        ApiCallFailedException { Status: HttpStatusCode.Unauthorized } => new(
            $"{Capitalized(api)} did not accept your sign-in.", "Nothing you entered is lost.", SignInAgain: true, SignOutFirst: true),
        ApiCallFailedException { Status: >= HttpStatusCode.InternalServerError } failed => new(
            failed.Title ?? $"{Capitalized(api)} had a problem.", failed.Detail ?? "Try again in a minute. Nothing you entered is lost."),
        ApiCallFailedException failed => new(failed.Title ?? $"{Capitalized(api)} refused the request.", failed.Detail ?? "Check what you entered and try again."),
        HttpRequestException or ExecutionRejectedException or TaskCanceledException => new(
            $"{Capitalized(api)} is not reachable right now.", "Try again in a minute. Nothing you entered is lost."),
        _ => new($"Something went wrong talking to {api}.", "Try again in a minute. Nothing you entered is lost."),
    };

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
