using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using ShopAuthDemo.Web.Authentication.BackchannelLogout;
using ShopAuthDemo.Web.Authentication.Endpoints;
using ShopAuthDemo.Web.Authentication.Sessions;
using ShopAuthDemo.Web.Authentication.StepUp;

namespace Microsoft.Extensions.Hosting;

public static class AuthenticationEndpoints
{
    /// <summary>Passes the ID token from the logout endpoint to the OpenID Connect handler, never to the browser's state.</summary>
    internal const string IdTokenHintParameter = "id_token_hint";

    /// <summary>GET /authentication/login[?maxAge=seconds], POST /authentication/logout, POST /backchannel-logout.</summary>
    public static IEndpointRouteBuilder MapWebAuthenticationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/authentication").WithTags("Authentication");
        group.MapGet("/login", LoginAsync).AllowAnonymous();
        // POST with an antiforgery token only (binding a form field makes the antiforgery middleware check
        // it): a GET logout would let any web page sign our users out with an <img> tag (logout CSRF).
        group.MapPost("/logout", LogoutAsync).AllowAnonymous();

        app.MapBackchannelLogout();
        return app;
    }

    /// <param name="maxAge">
    /// Seconds: a step-up (RFC 9470). The identity provider asks for the password again unless the user signed
    /// in within that time (OIDC <c>max_age</c>), so this challenges even over a live session. From someone
    /// else's link it can do no more than ask the user for her own password, or renew her own session.
    /// </param>
    public static async Task<IResult> LoginAsync(string? returnUrl, [FromQuery(Name = StepUpSignIn.MaxAgeParameter)] string? maxAge, HttpContext context, IUserSessionStore sessions)
    {
        var target = LocalReturnUrl.OrFallback(returnUrl);
        if (StepUpMaxAge(maxAge) is { } seconds)
            return TypedResults.Challenge(new OpenIdConnectChallengeProperties { RedirectUri = target, MaxAge = TimeSpan.FromSeconds(seconds) },
                [OpenIdConnectDefaults.AuthenticationScheme]);

        // Already signed in (a bookmark, an old tab, a link on another site): go where the user wanted. A
        // challenge would only sign in again over the live session, silently, on anyone's link.
        if ((await sessions.FindAsync(context.User.FindFirst(SessionClaimTypes.SessionKey)?.Value))?.Tokens is not null)
            return TypedResults.LocalRedirect(target);
        return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = target },
            [OpenIdConnectDefaults.AuthenticationScheme]);
    }

    // A non-negative whole number of seconds, at most a week (the longest a step-up rule may allow); anything
    // else is an ordinary login, not an error page.
    private static int? StepUpMaxAge(string? maxAge) =>
        int.TryParse(maxAge, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 7 * 24 * 60 * 60
            ? seconds
            : null;

    public static async Task<IResult> LogoutAsync([FromForm] string? returnUrl, HttpContext context, SessionEnd sessionEnd)
    {
        var properties = new AuthenticationProperties { RedirectUri = LocalReturnUrl.OrFallback(returnUrl) };
        // Gone from the store and its refresh token revoked: a copy of either must not outlive the logout.
        var session = await sessionEnd.EndAsync(context.User.FindFirst(SessionClaimTypes.SessionKey)?.Value, "signed out");
        if (session?.Tokens is not { } tokens)
        {
            // Not signed in here (or the session already ended): nothing to end at the identity provider.
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.LocalRedirect(properties.RedirectUri);
        }

        // Lets the identity provider end its session without asking "do you want to sign out?".
        if (tokens.IdToken is not null) properties.Parameters[IdTokenHintParameter] = tokens.IdToken;

        // Then the cookie, then RP-initiated logout at the identity provider, which tells every other app of
        // this session by back-channel logout.
        return TypedResults.SignOut(properties,
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
    }
}
