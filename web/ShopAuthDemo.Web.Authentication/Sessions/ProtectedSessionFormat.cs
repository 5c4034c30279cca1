using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;

namespace ShopAuthDemo.Web.Authentication.Sessions;

/// <summary>
/// A session as it rests outside this process: serialized, then encrypted and signed with the app's
/// data-protection key ring (shared by its replicas). Whoever reads a copy of the stored values sees no token and no
/// claim, and cannot forge a session without the keys. The key ring is in the same Redis (see ServiceDefaults/SharedState):
/// whoever holds the Redis password holds the keys too, unless they are protected at rest and Redis access is split per app.
/// </summary>
/// <remarks>
/// Read on every signed-in request, so written in the ticket's own binary form (<see cref="TicketSerializer"/>) with the
/// tokens beside it: JSON around the ticket would carry it in base64, a third more bytes to decrypt and decode each time.
/// </remarks>
public sealed class ProtectedSessionFormat(IDataProtectionProvider dataProtection)
{
    public const string Purpose = "ShopAuthDemo.Web.Sessions";

    // The first byte of every value: a session written by another version of this layout is not misread, only not found.
    private const byte Version = 2;

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);

    public byte[] Protect(UserSession session)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write(session.Key);
            TicketSerializer.Default.Write(writer, session.Ticket);
            writer.Write(session.Tokens is not null);
            if (session.Tokens is { } tokens)
            {
                writer.Write(tokens.AccessToken);
                WriteOptional(writer, tokens.RefreshToken);
                WriteOptional(writer, tokens.IdToken);
                WriteTime(writer, tokens.IssuedAt);
                WriteTime(writer, tokens.ExpiresAt);
            }
            WriteOptional(writer, session.IdentityProviderSessionId);
            WriteOptional(writer, session.Subject);
            WriteTime(writer, session.ExpiresAt);
        }
        return _protector.Protect(buffer.ToArray());
    }

    /// <returns>
    /// Null when the value cannot be read (the key ring lost its key, or a session stored by an older version of this
    /// layout): the browser is simply signed out, never answered with a 500.
    /// </returns>
    public UserSession? Unprotect(byte[] protectedSession)
    {
        try
        {
            var plain = _protector.Unprotect(protectedSession);
            using var reader = new BinaryReader(new MemoryStream(plain, 0, plain.Length, writable: false, publiclyVisible: true), Encoding.UTF8);
            if (reader.ReadByte() != Version) return null;
            var key = reader.ReadString();
            if (TicketSerializer.Default.Read(reader) is not { } ticket) return null;
            var tokens = reader.ReadBoolean()
                ? new UserTokens(ReadToken(reader), ReadOptional(reader), ReadOptional(reader), ReadTime(reader), ReadTime(reader))
                : null;
            return new UserSession(key, ticket, tokens, ReadOptional(reader), ReadOptional(reader), ReadTime(reader));
        }
        catch (Exception exception) when (exception is CryptographicException or IOException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null) writer.Write(value);
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? ReadToken(reader) : null;

    // As BinaryWriter wrote it (length, then UTF-8), decoded in one piece: BinaryReader.ReadString assembles a long
    // string 128 bytes at a time, and a token is a kilobyte or more on every request.
    private static string ReadToken(BinaryReader reader)
    {
        var length = reader.Read7BitEncodedInt();
        var stream = (MemoryStream)reader.BaseStream;
        var text = Encoding.UTF8.GetString(stream.GetBuffer().AsSpan((int)stream.Position, length));
        stream.Position += length;
        return text;
    }

    private static void WriteTime(BinaryWriter writer, DateTimeOffset time)
    {
        writer.Write(time.Ticks);
        writer.Write((short)time.Offset.TotalMinutes);
    }

    private static DateTimeOffset ReadTime(BinaryReader reader) => new(reader.ReadInt64(), TimeSpan.FromMinutes(reader.ReadInt16()));
}
