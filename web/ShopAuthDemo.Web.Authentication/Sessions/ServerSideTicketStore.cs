using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ShopAuthDemo.Web.Authentication.Sessions;

/// <summary>
/// The cookie handler's session store: the ticket (and the tokens the OpenID Connect handler saved in it)
/// stays here, the cookie carries only the key. Tokens are moved out of the ticket into their own slot, so
/// that a ticket renewed by the cookie handler can never put back an older, already rotated refresh token.
/// </summary>
public sealed class ServerSideTicketStore(UserSessionStore sessions, TimeProvider time) : ITicketStore
{
    // Only used when the cookie handler gives no expiry; the cookie options normally set one.
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    // Only the basic overloads: the interface's others (with HttpContext, CancellationToken) call these.
    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = ticket.Principal.FindFirst(SessionClaimTypes.SessionKey)?.Value ?? NewKey();
        var tokens = TakeTokens(ticket.Properties);
        var (sid, sub) = UserSessionStore.IdentityProviderKeys(ticket.Principal);
        sessions.Save(new UserSession(key, Copy(ticket), tokens, sid, sub, ExpiresAt(ticket)));
        return Task.FromResult(key);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        // An ended session is not brought back by a late renewal (that would undo a logout).
        sessions.UpdateTicket(key, session => session with { Ticket = Copy(ticket), ExpiresAt = ExpiresAt(ticket) });
        return Task.CompletedTask;
    }

    // Null for an unknown or ended session: the cookie handler then treats the browser as signed out.
    public Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        Task.FromResult(sessions.Find(key) is { } session ? Copy(session.Ticket) : null);

    public Task RemoveAsync(string key)
    {
        sessions.Remove(key);
        return Task.CompletedTask;
    }

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

    // Stored and handed out as copies: the cookie handler changes the tickets it holds during a request.
    private static AuthenticationTicket Copy(AuthenticationTicket ticket) =>
        TicketSerializer.Default.Deserialize(TicketSerializer.Default.Serialize(ticket))!;

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
