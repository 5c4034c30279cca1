namespace ShopAuthDemo.Web.Authentication.Tokens;

/// <summary>The user's session is over (signed out elsewhere, revoked, expired): signing in again is the fix.</summary>
public sealed class SessionEndedException(string message) : Exception(message);
