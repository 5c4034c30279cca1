using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace ShopAuthDemo.Web.Authentication.Sessions;

/// <summary>
/// Marks the request on which the identity provider's answer arrives (the OpenID Connect callback). If the
/// browser still sends a live session cookie there, the cookie handler would renew that old session with the
/// new sign-in's ticket: one user's tokens under another user's name, and an old key the browser already
/// had (session fixation). <see cref="ServerSideTicketStore"/> sees the mark and ends the old session instead.
/// </summary>
/// <param name="IdentityProviderSessionId">The new sign-in's <c>sid</c>.</param>
/// <param name="Subject">The new sign-in's <c>sub</c>.</param>
public sealed record NewSignIn(string? IdentityProviderSessionId, string? Subject)
{
    private static readonly object Mark = new();

    public static void MarkUnderway(HttpContext context, ClaimsPrincipal? newUser)
    {
        var (sid, sub) = newUser is null ? (null, null) : UserSession.IdentityProviderKeys(newUser);
        context.Items[Mark] = new NewSignIn(sid, sub);
    }

    public static NewSignIn? Underway(HttpContext context) => context.Items[Mark] as NewSignIn;

    /// <summary>
    /// The same user in the same identity-provider session (a second tab signing in again). Its refresh token
    /// belongs to the same client session at the identity provider as the new one: revoking it would end the
    /// new session too (Keycloak ends the client session of a revoked refresh token).
    /// </summary>
    public bool Continues(UserSession old) =>
        IdentityProviderSessionId is not null && Subject is not null
        && old.IdentityProviderSessionId == IdentityProviderSessionId && old.Subject == Subject;
}
