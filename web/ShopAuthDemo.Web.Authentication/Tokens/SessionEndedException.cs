namespace ShopAuthDemo.Web.Authentication.Tokens;

/// <summary>The user's session is over (signed out elsewhere, revoked, expired): signing in again is the fix.</summary>
/// <remarks>The message says what happened; <see cref="Problems.UserProblem"/> adds what to do.</remarks>
public sealed class SessionEndedException(string message) : Exception(message);
