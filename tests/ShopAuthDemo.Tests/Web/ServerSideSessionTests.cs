using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ShopAuthDemo.Tests.Web.Support;
using ShopAuthDemo.Web.Authentication.Sessions;
using Xunit;

namespace ShopAuthDemo.Tests.Web;

/// <summary>The cookie names a server-side session; ending it there is what signs a browser out.</summary>
public sealed class ServerSideSessionTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T10:00:00Z"));
    private readonly InMemoryUserSessionStore _sessions;
    private readonly ServerSideTicketStore _tickets;

    public ServerSideSessionTests()
    {
        _sessions = new InMemoryUserSessionStore(_time, NullLogger<InMemoryUserSessionStore>.Instance);
        _tickets = new ServerSideTicketStore(_sessions,
            new SessionEnd(_sessions, UnreachableIdentityProvider.Client(), NullLogger<SessionEnd>.Instance),
            _time, NullLogger<ServerSideTicketStore>.Instance);
    }

    [Fact]
    public async Task Tokens_are_kept_apart_from_the_ticket()
    {
        var key = await _tickets.StoreAsync(Ticket("alice-id", "sid-1"));

        var ticket = await _tickets.RetrieveAsync(key);

        Assert.Null(ticket!.Properties.GetTokenValue("access_token"));
        Assert.Equal("access-token-of-alice-id", (await _sessions.FindAsync(key))!.Tokens!.AccessToken);
        Assert.Equal(_time.GetUtcNow().AddMinutes(5), (await _sessions.FindAsync(key))!.Tokens!.ExpiresAt);
    }

    [Fact]
    public async Task Back_channel_logout_by_sid_ends_that_session_only()
    {
        var first = await _tickets.StoreAsync(Ticket("alice-id", "sid-1"));
        var second = await _tickets.StoreAsync(Ticket("alice-id", "sid-2"));

        var ended = await _sessions.EndForIdentityProviderAsync("sid-1", "alice-id");

        Assert.Single(ended);
        Assert.Null(await _tickets.RetrieveAsync(first));
        Assert.NotNull(await _tickets.RetrieveAsync(second));
    }

    [Fact]
    public async Task Back_channel_logout_by_sub_alone_ends_every_session_of_the_user()
    {
        var first = await _tickets.StoreAsync(Ticket("alice-id", "sid-1"));
        var second = await _tickets.StoreAsync(Ticket("alice-id", "sid-2"));
        var bobs = await _tickets.StoreAsync(Ticket("bob-id", "sid-3"));

        await _sessions.EndForIdentityProviderAsync(sid: null, sub: "alice-id");

        Assert.Null(await _tickets.RetrieveAsync(first));
        Assert.Null(await _tickets.RetrieveAsync(second));
        Assert.NotNull(await _tickets.RetrieveAsync(bobs));
    }

    [Fact]
    public async Task A_late_renewal_does_not_bring_an_ended_session_back()
    {
        var key = await _tickets.StoreAsync(Ticket("alice-id", "sid-1"));
        var ticket = await _tickets.RetrieveAsync(key);
        await _tickets.RemoveAsync(key);

        await _tickets.RenewAsync(key, ticket!);

        Assert.Null(await _tickets.RetrieveAsync(key));
    }

    [Fact]
    public async Task What_the_cookie_handler_changes_in_a_ticket_it_was_handed_does_not_change_the_session()
    {
        var key = await _tickets.StoreAsync(Ticket("alice-id", "sid-1"));

        var handedOut = await _tickets.RetrieveAsync(key);
        handedOut!.Properties.ExpiresUtc = _time.GetUtcNow().AddYears(1);
        ((ClaimsIdentity)handedOut.Principal.Identity!).AddClaim(new Claim("role", "admin"));

        var session = await _sessions.FindAsync(key);
        Assert.Equal(_time.GetUtcNow().AddHours(8), session!.Ticket.Properties.ExpiresUtc);
        Assert.False(session.Ticket.Principal.HasClaim("role", "admin"));
    }

    [Fact]
    public async Task An_expired_session_is_gone()
    {
        var key = await _tickets.StoreAsync(Ticket("alice-id", "sid-1"));

        _time.Advance(TimeSpan.FromHours(9));

        Assert.Null(await _tickets.RetrieveAsync(key));
    }

    private AuthenticationTicket Ticket(string sub, string sid)
    {
        var identity = new ClaimsIdentity([new Claim("sub", sub), new Claim("sid", sid)], "test");
        var properties = new AuthenticationProperties { ExpiresUtc = _time.GetUtcNow().AddHours(8) };
        properties.StoreTokens([
            new AuthenticationToken { Name = "access_token", Value = $"access-token-of-{sub}" },
            new AuthenticationToken { Name = "refresh_token", Value = $"refresh-token-of-{sub}" },
            new AuthenticationToken { Name = "expires_at", Value = _time.GetUtcNow().AddMinutes(5).ToString("o") },
        ]);
        return new AuthenticationTicket(new ClaimsPrincipal(identity), properties, "Cookies");
    }
}
