using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.Web.Authentication.Sessions;

/// <summary>One browser's sign-in: the authentication ticket (who), the tokens (what it may call), and the
/// identity provider's session and user it belongs to, which back-channel logout refers to.</summary>
public sealed record UserSession(
    string Key,
    AuthenticationTicket Ticket,
    UserTokens? Tokens,
    string? IdentityProviderSessionId,
    string? Subject,
    DateTimeOffset ExpiresAt)
{
    /// <summary>A logout by <c>sid</c> names that identity-provider session (of that user, if given); by <c>sub</c> alone, all the user's.</summary>
    public bool IsNamedByLogout(string? sid, string? sub) =>
        sid is not null
            ? IdentityProviderSessionId == sid && (sub is null || Subject == sub)
            : sub is not null && Subject == sub;

    public static (string? Sid, string? Sub) IdentityProviderKeys(ClaimsPrincipal principal) =>
        (principal.FindFirstValue(SessionClaimTypes.IdentityProviderSession), principal.FindFirstValue(JwtClaimTypes.Subject));
}
