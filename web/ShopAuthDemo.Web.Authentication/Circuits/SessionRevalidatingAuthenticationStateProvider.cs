using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Logging;
using ShopAuthDemo.Web.Authentication.Sessions;

namespace ShopAuthDemo.Web.Authentication.Circuits;

/// <summary>
/// An interactive page keeps the user it started with for as long as the circuit lives. This checks every
/// few seconds that the session still exists, so a page left open shows "signed out" soon after a logout
/// in another app (back-channel logout) instead of acting for a user who is gone.
/// </summary>
internal sealed class SessionRevalidatingAuthenticationStateProvider(IUserSessionStore sessions, ILoggerFactory loggerFactory)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(10);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var key = authenticationState.User.FindFirst(SessionClaimTypes.SessionKey)?.Value;
        return key is null || await sessions.FindAsync(key) is not null;
    }
}
