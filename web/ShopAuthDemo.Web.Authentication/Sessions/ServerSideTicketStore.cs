using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ShopAuthDemo.Web.Authentication.Sessions;

/// <summary>
/// The cookie handler's session store: the ticket (and the tokens the OpenID Connect handler saved in it)
/// stays here, the cookie carries only the key. Tokens are moved out of the ticket into their own slot, so
/// that a ticket renewed by the cookie handler can never put back an older, already rotated refresh token.
/// A new sign-in never continues an existing session: see <see cref="NewSignIn"/>.
/// </summary>
public sealed class ServerSideTicketStore(
    IUserSessionStore sessions,
    SessionEnd sessionEnd,
    TimeProvider time,
    ILogger<ServerSideTicketStore> logger) : ITicketStore
{
    // Only used when the cookie handler gives no expiry; the cookie options normally set one.
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    // The basic overloads, and the one with HttpContext where the request matters; the interface's other
    // overloads call these.
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = ticket.Principal.FindFirst(SessionClaimTypes.SessionKey)?.Value ?? NewKey();
        var tokens = TakeTokens(ticket.Properties);
        var (sid, sub) = UserSession.IdentityProviderKeys(ticket.Principal);
        await sessions.SaveAsync(new UserSession(key, Copy(ticket), tokens, sid, sub, ExpiresAt(ticket)));
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        if (ticket.Principal.FindFirst(SessionClaimTypes.SessionKey)?.Value is { } signedInAs && signedInAs != key)
        {
            // A new sign-in's ticket offered as a renewal of another session (its cookie was read before the
            // sign-in was marked): never mix two sign-ins in one session. Both end, refresh tokens revoked, so
            // the browser is signed out and signs in again, rather than acting with another user's tokens.
            logger.LogWarning("A new sign-in arrived as the renewal of an existing session; both are dropped");
            await sessionEnd.EndAsync(key, "a new sign-in arrived as its renewal");
            var (sid, sub) = UserSession.IdentityProviderKeys(ticket.Principal);
            await sessionEnd.RevokeAsync(TakeTokens(ticket.Properties)?.RefreshToken, sub, sid);
            return;
        }

        // An ended session is not brought back by a late renewal (that would undo a logout).
        await sessions.UpdateTicketAsync(key, session => session with { Ticket = Copy(ticket), ExpiresAt = ExpiresAt(ticket) });
    }

    // Null for an unknown or ended session: the cookie handler then treats the browser as signed out.
    public async Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        await sessions.FindAsync(key) is { } session ? HandOut(session.Ticket) : null;

    // The cookie handler reads the request's cookie through this before it signs a new user in.
    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (NewSignIn.Underway(httpContext) is not { } signIn) return await RetrieveAsync(key);

        // The browser signs in again on top of a live session (a second tab, another user on a shared
        // computer). The old session ends here; answering "no session" makes the cookie handler store the new
        // sign-in under a fresh key instead of renewing this one. Its refresh token is revoked unless the
        // identity provider's session simply continues, where revoking would end the new sign-in as well.
        if (await sessions.FindAsync(key) is { } old)
            await sessionEnd.EndAsync(key, "replaced by a new sign-in in the same browser", revoke: !signIn.Continues(old));
        return null;
    }

    public Task RemoveAsync(string key) => sessions.RemoveAsync(key);

    public static string NewKey() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private UserTokens? TakeTokens(AuthenticationProperties properties)
    {
        var accessToken = properties.GetTokenValue(OpenIdConnectParameterNames.AccessToken);
        var tokens = accessToken is null ? null : new UserTokens(
            accessToken,
            properties.GetTokenValue(OpenIdConnectParameterNames.RefreshToken),
            properties.GetTokenValue(OpenIdConnectParameterNames.IdToken),
            time.GetUtcNow(),
            DateTimeOffset.TryParse(properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture,
                DateTimeStyles.RoundtripKind, out var expiresAt) ? expiresAt : time.GetUtcNow());
        properties.StoreTokens([]);
        return tokens;
    }

    private DateTimeOffset ExpiresAt(AuthenticationTicket ticket) => ticket.Properties.ExpiresUtc ?? time.GetUtcNow() + DefaultLifetime;

    // The cookie handler never gets the ticket a store keeps (see Copy); a fresh one from outside the process is its own.
    private AuthenticationTicket HandOut(AuthenticationTicket ticket) => sessions.HandsOutStoredInstances ? Copy(ticket) : ticket;

    // Stored and handed out as copies: the cookie handler changes the tickets it holds during a request.
    private static AuthenticationTicket Copy(AuthenticationTicket ticket) =>
        TicketSerializer.Default.Deserialize(TicketSerializer.Default.Serialize(ticket))!;

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
