using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using ShopAuthDemo.Identity.Local.Logout;
using ShopAuthDemo.Identity.Local.Sessions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShopAuthDemo.Identity.Local.Endpoints;

/// <summary>
/// RP-initiated logout. Ends this browser's SSO session, tells every client of that session by back-channel
/// logout, then returns to the client's registered post-logout URI (OpenIddict has checked it).
/// </summary>
public static class EndSessionEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, SsoSessionStore sessions,
        BackchannelLogoutNotifier notifier, IAntiforgery antiforgery, ILogger<SsoSession> logger)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not process this logout request.");

        // Only the session in this browser's cookie is ever ended. An ID token alone never ends its owner's
        // session remotely: anyone holding an old one (a log, a shared computer) could sign its owner out.
        var cookie = await context.AuthenticateAsync(SsoCookie.Scheme);
        var session = sessions.FindActive(cookie.Principal?.FindFirst(SsoCookie.SessionIdClaim)?.Value);

        // Without asking only for a hint that names this very session: a link carrying the attacker's own
        // ID token (or none) must not sign the victim out everywhere (logout CSRF).
        if (session is not null && !await HintNamesAsync(context, request, session))
        {
            if (!HttpMethods.IsPost(context.Request.Method) || request["confirm"]?.ToString() != "yes")
                return LogoutConfirmPage.Render(context, antiforgery, request);
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.Problem("The sign-out form expired. Reload the page and try again.", statusCode: 400);
        }

        if (sessions.End(session?.Id) is { } ended)
        {
            logger.LogInformation("Session {Sid} of {Sub} ended by logout", ended.Id, ended.UserId);
            await notifier.NotifyAsync(ended, context.RequestAborted);
        }

        await context.SignOutAsync(SsoCookie.Scheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = KeycloakPaths.Status },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    // OpenIddict has validated id_token_hint (signature, issuer) when one was sent.
    private static async Task<bool> HintNamesAsync(HttpContext context, OpenIddictRequest request, SsoSession session)
    {
        if (request.IdTokenHint is null) return false;
        var hint = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        return hint?.GetClaim("sid") == session.Id && hint.GetClaim(Claims.Subject) == session.UserId;
    }
}
