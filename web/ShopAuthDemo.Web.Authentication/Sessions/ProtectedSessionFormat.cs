using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;

namespace ShopAuthDemo.Web.Authentication.Sessions;

/// <summary>
/// A session as it rests outside this process: serialized, then encrypted and signed with the app's
/// data-protection key ring (shared by its replicas). Whoever can read the store sees no token and no claim;
/// whoever can write it cannot forge a session without the keys.
/// </summary>
public sealed class ProtectedSessionFormat(IDataProtectionProvider dataProtection)
{
    public const string Purpose = "ShopAuthDemo.Web.Sessions";

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);

    public byte[] Protect(UserSession session) => _protector.Protect(JsonSerializer.SerializeToUtf8Bytes(new Stored(
        session.Key, TicketSerializer.Default.Serialize(session.Ticket), session.Tokens,
        session.IdentityProviderSessionId, session.Subject, session.ExpiresAt)));

    /// <returns>Null when the value cannot be read (the key ring lost its key): the browser is simply signed out.</returns>
    public UserSession? Unprotect(byte[] protectedSession)
    {
        Stored? stored;
        try
        {
            stored = JsonSerializer.Deserialize<Stored>(_protector.Unprotect(protectedSession));
        }
        catch (CryptographicException)
        {
            return null;
        }
        return stored is null || TicketSerializer.Default.Deserialize(stored.Ticket) is not { } ticket
            ? null
            : new UserSession(stored.Key, ticket, stored.Tokens, stored.Sid, stored.Sub, stored.ExpiresAt);
    }

    private sealed record Stored(string Key, byte[] Ticket, UserTokens? Tokens, string? Sid, string? Sub, DateTimeOffset ExpiresAt);
}
