using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using ShopAuthDemo.Identity.Local.Logout;
using ShopAuthDemo.Identity.Local.Sessions;

namespace ShopAuthDemo.Identity.Local.Endpoints;

/// <summary>
/// RP-initiated logout. Ends the SSO session, tells every client of that session by back-channel logout,
/// then returns to the client's registered post-logout URI (OpenIddict has checked it).
/// </summary>
public static class EndSessionEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, SsoSessionStore sessions,
        BackchannelLogoutNotifier notifier, IAntiforgery antiforgery, ILogger<SsoSession> logger)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not process this logout request.");

        // OpenIddict has validated id_token_hint when one was sent.
        var hint = request.IdTokenHint is null ? null
            : (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        if (hint is null)
        {
            // Without a hint, any page could log the user out with a link (logout CSRF): ask first.
            if (!HttpMethods.IsPost(context.Request.Method) || request["confirm"]?.ToString() != "yes")
                return LogoutConfirmPage.Render(context, antiforgery, request);
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.Problem("The sign-out form expired. Reload the page and try again.", statusCode: 400);
        }

        var cookie = await context.AuthenticateAsync(SsoCookie.Scheme);
        var sessionId = cookie.Principal?.FindFirst(SsoCookie.SessionIdClaim)?.Value ?? hint?.GetClaim("sid");
        if (sessions.End(sessionId) is { } session)
        {
            logger.LogInformation("Session {Sid} of {Sub} ended by logout", session.Id, session.UserId);
            await notifier.NotifyAsync(session, context.RequestAborted);
        }

        await context.SignOutAsync(SsoCookie.Scheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = KeycloakPaths.Status },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
