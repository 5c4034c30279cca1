using Microsoft.Extensions.Logging;
using ShopAuthDemo.ServiceDefaults.TokenManagement;
using ShopAuthDemo.Web.Authentication.Tokens;

namespace ShopAuthDemo.Web.Authentication.Sessions;

/// <summary>
/// Ends one of this app's sessions: gone from the store at once (its cookie stops working), and its refresh
/// token revoked at the identity provider, so a copy of it (a log, a stolen backup) is worthless. Used at
/// logout and when a new sign-in replaces a session in the same browser.
/// </summary>
public sealed class SessionEnd(IUserSessionStore sessions, TokenEndpointClient identityProvider, ILogger<SessionEnd> logger)
{
    // Not the request's cancellation: a browser that gives up on the page must not leave a live refresh
    // token behind a session that is already gone here.
    private static readonly TimeSpan RevocationTimeout = TimeSpan.FromSeconds(10);

    /// <param name="revoke">False only when the identity provider's session continues (see <see cref="NewSignIn.Continues"/>).</param>
    /// <returns>The session that ended, or null when there was none (unknown key, already ended).</returns>
    public async Task<UserSession?> EndAsync(string? key, string reason, bool revoke = true)
    {
        if (await sessions.RemoveAsync(key) is not { } session) return null;
        logger.LogInformation("Session of {Sub} (identity provider session {Sid}) ended: {Reason}",
            session.Subject, session.IdentityProviderSessionId, reason);
        if (revoke) await RevokeAsync(session.Tokens?.RefreshToken, session.Subject, session.IdentityProviderSessionId);
        return session;
    }

    /// <summary>Revokes a refresh token that no session will use (one that ended, or one that was never kept).</summary>
    public async Task RevokeAsync(string? refreshToken, string? subject, string? identityProviderSession)
    {
        if (refreshToken is null) return;
        using var timeout = new CancellationTokenSource(RevocationTimeout);
        if (await identityProvider.RevokeAsync(refreshToken, timeout.Token))
            logger.LogInformation("Refresh token of {Sub} (identity provider session {Sid}) revoked at the identity provider",
                subject, identityProviderSession);
    }
}
