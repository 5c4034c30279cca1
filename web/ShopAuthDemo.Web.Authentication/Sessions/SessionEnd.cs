using Microsoft.Extensions.Logging;
using ShopAuthDemo.Web.Authentication.Tokens;

namespace ShopAuthDemo.Web.Authentication.Sessions;

/// <summary>
/// Ends one of this app's sessions: gone from the store at once (its cookie stops working), and its refresh
/// token revoked at the identity provider, so a copy of it (a log, a stolen backup) is worthless. Used at
/// logout and when a new sign-in replaces a session in the same browser.
/// </summary>
public sealed class SessionEnd(UserSessionStore sessions, UserTokenClient identityProvider, ILogger<SessionEnd> logger)
{
    /// <returns>The session that ended, or null when there was none (unknown key, already ended).</returns>
    public async Task<UserSession?> EndAsync(string? key, string reason, CancellationToken cancellationToken)
    {
        if (sessions.Remove(key) is not { } session) return null;
        logger.LogInformation("Session of {Sub} (identity provider session {Sid}) ended: {Reason}",
            session.Subject, session.IdentityProviderSessionId, reason);
        if (session.Tokens?.RefreshToken is { } refreshToken
            && await identityProvider.RevokeAsync(refreshToken, cancellationToken))
            logger.LogInformation("Refresh token of {Sub} (identity provider session {Sid}) revoked at the identity provider",
                session.Subject, session.IdentityProviderSessionId);
        return session;
    }
}
