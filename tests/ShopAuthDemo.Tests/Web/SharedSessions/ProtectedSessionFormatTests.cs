using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using ShopAuthDemo.Web.Authentication.Sessions;
using Xunit;

namespace ShopAuthDemo.Tests.Web.SharedSessions;

/// <summary>What a session looks like at rest in Redis, read back on every signed-in request.</summary>
public sealed class ProtectedSessionFormatTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-05T10:00:00+01:00");

    private readonly IDataProtectionProvider _keyRing = new EphemeralDataProtectionProvider();

    [Fact]
    public void A_session_reads_back_as_it_was_stored()
    {
        var format = new ProtectedSessionFormat(_keyRing);
        var stored = Session(new UserTokens(new string('a', 2_000) + "é", "refresh-token", "id-token", Now, Now.AddMinutes(5)));

        var read = format.Unprotect(format.Protect(stored))!;

        Assert.Equal(stored.Key, read.Key);
        Assert.Equal(stored.Tokens, read.Tokens);
        Assert.Equal(Now.Offset, read.Tokens!.IssuedAt.Offset);
        Assert.Equal(("sid-1", "alice-id", Now.AddHours(8)), (read.IdentityProviderSessionId, read.Subject, read.ExpiresAt));
        Assert.Equal("alice", read.Ticket.Principal.Identity!.Name);
        Assert.Equal(Now.AddHours(8), read.Ticket.Properties.ExpiresUtc);
    }

    [Fact]
    public void A_session_without_tokens_or_identity_provider_session_reads_back_without_them()
    {
        var format = new ProtectedSessionFormat(_keyRing);
        var stored = Session(tokens: null) with { IdentityProviderSessionId = null, Subject = null };

        var read = format.Unprotect(format.Protect(stored))!;

        Assert.Equal((null, null, null), (read.Tokens, read.IdentityProviderSessionId, read.Subject));
    }

    [Fact]
    public void A_value_another_key_ring_protected_is_no_session()
    {
        var stored = new ProtectedSessionFormat(new EphemeralDataProtectionProvider()).Protect(Session(tokens: null));

        Assert.Null(new ProtectedSessionFormat(_keyRing).Unprotect(stored));
    }

    [Fact]
    public void A_session_stored_in_an_older_layout_is_no_session_rather_than_an_error()
    {
        // The layout before this one: JSON, protected with the same key ring and purpose.
        var older = _keyRing.CreateProtector(ProtectedSessionFormat.Purpose).Protect(Encoding.UTF8.GetBytes(
            """{"Key":"k","Ticket":"AAAA","Tokens":null,"Sid":null,"Sub":null,"ExpiresAt":"2026-12-05T10:00:00+00:00"}"""));

        Assert.Null(new ProtectedSessionFormat(_keyRing).Unprotect(older));
    }

    private static UserSession Session(UserTokens? tokens)
    {
        var identity = new ClaimsIdentity([new Claim("name", "alice"), new Claim("sub", "alice-id"), new Claim("sid", "sid-1")],
            "Cookies", "name", "role");
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), new AuthenticationProperties { ExpiresUtc = Now.AddHours(8) }, "Cookies");
        return new UserSession(ServerSideTicketStore.NewKey(), ticket, tokens, "sid-1", "alice-id", Now.AddHours(8));
    }
}
