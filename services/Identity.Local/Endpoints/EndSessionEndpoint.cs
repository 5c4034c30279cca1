using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Microsoft.AspNetCore.WebUtilities;
using ShopAuthDemo.Identity.Local.Federation;
using ShopAuthDemo.Identity.Local.Logout;
using ShopAuthDemo.Identity.Local.Realm;
using ShopAuthDemo.Identity.Local.Sessions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShopAuthDemo.Identity.Local.Endpoints;

/// <summary>
/// RP-initiated logout. Ends this browser's SSO session, tells every client of that session by back-channel
/// logout, then returns to the client's registered post-logout URI (OpenIddict has checked it).
/// </summary>
public static class EndSessionEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, LocalRealm realm, SsoSessionStore sessions,
        BackchannelLogoutNotifier notifier, BrokerLogout brokerLogout, IAntiforgery antiforgery, ILogger<SsoSession> logger)
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
                return LogoutConfirmPage.Render(context, antiforgery, realm.Paths, request);
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.Problem("The sign-out form expired. Reload the page and try again.", statusCode: 400);
        }

        var ended = sessions.End(session?.Id);
        if (ended is not null)
        {
            logger.LogInformation("Session {Sid} of {Sub} ended by logout", ended.Id, ended.UserId);
            await notifier.NotifyAsync(ended, context.RequestAborted);
        }

        await context.SignOutAsync(SsoCookie.Scheme);
        // A session that came through another identity provider is ended there too, then the browser comes back.
        if (ended?.Broker is { } broker && brokerLogout.Redirect(broker, Continuation(request, realm)) is { } upstream)
        {
            logger.LogInformation("Session {Sid} came through {Alias}: ending it there too", ended.Id, broker.Alias);
            return Results.Redirect(upstream);
        }
        return Results.SignOut(new AuthenticationProperties { RedirectUri = realm.Paths.Status },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    // Where OpenIddict would send the browser now: the post-logout URI it has checked against the client, with state.
    private static string Continuation(OpenIddictRequest request, LocalRealm realm) =>
        request.PostLogoutRedirectUri is { } uri
            ? (request.State is { } state ? QueryHelpers.AddQueryString(uri, Parameters.State, state) : uri)
            : realm.Paths.Status;

    // OpenIddict has validated id_token_hint (signature, issuer) when one was sent.
    private static async Task<bool> HintNamesAsync(HttpContext context, OpenIddictRequest request, SsoSession session)
    {
        if (request.IdTokenHint is null) return false;
        var hint = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        return hint?.GetClaim("sid") == session.Id && hint.GetClaim(Claims.Subject) == session.UserId;
    }
}
