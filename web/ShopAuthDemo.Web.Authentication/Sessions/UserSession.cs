using Microsoft.AspNetCore.Authentication;

namespace ShopAuthDemo.Web.Authentication.Sessions;

/// <summary>One browser's sign-in: the authentication ticket (who), the tokens (what it may call), and the
/// identity provider's session and user it belongs to, which back-channel logout refers to.</summary>
public sealed record UserSession(
    string Key,
    AuthenticationTicket Ticket,
    UserTokens? Tokens,
    string? IdentityProviderSessionId,
    string? Subject,
    DateTimeOffset ExpiresAt);
