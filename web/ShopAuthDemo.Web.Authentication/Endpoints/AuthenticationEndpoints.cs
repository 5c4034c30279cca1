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
using ShopAuthDemo.Web.Authentication.Tokens;

namespace Microsoft.Extensions.Hosting;

public static class AuthenticationEndpoints
{
    /// <summary>Passes the ID token from the logout endpoint to the OpenID Connect handler, never to the browser's state.</summary>
    internal const string IdTokenHintParameter = "id_token_hint";

    /// <summary>GET /authentication/login, POST /authentication/logout, POST /backchannel-logout.</summary>
    public static IEndpointRouteBuilder MapWebAuthenticationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/authentication").WithTags("Authentication");
        group.MapGet("/login", Login).AllowAnonymous();
        // POST with an antiforgery token only (binding a form field makes the antiforgery middleware check
        // it): a GET logout would let any web page sign our users out with an <img> tag (logout CSRF).
        group.MapPost("/logout", LogoutAsync).AllowAnonymous();

        app.MapBackchannelLogout();
        return app;
    }

    public static ChallengeHttpResult Login(string? returnUrl) =>
        TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalReturnUrl.OrFallback(returnUrl) },
            [OpenIdConnectDefaults.AuthenticationScheme]);

    public static async Task<IResult> LogoutAsync([FromForm] string? returnUrl, HttpContext context,
        UserSessionStore sessions, UserTokenClient identityProvider)
    {
        var properties = new AuthenticationProperties { RedirectUri = LocalReturnUrl.OrFallback(returnUrl) };
        var session = sessions.Find(context.User.FindFirst(SessionClaimTypes.SessionKey)?.Value);
        if (session?.Tokens is not { } tokens)
        {
            // Not signed in here (or the session already ended): nothing to end at the identity provider.
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.LocalRedirect(properties.RedirectUri);
        }

        // A copy of the refresh token (a log, a stolen backup) must not outlive the logout.
        if (tokens.RefreshToken is not null) await identityProvider.RevokeAsync(tokens.RefreshToken, context.RequestAborted);
        // Lets the identity provider end its session without asking "do you want to sign out?".
        if (tokens.IdToken is not null) properties.Parameters[IdTokenHintParameter] = tokens.IdToken;

        // First the local session (removes it from the store, deletes the cookie), then RP-initiated logout
        // at the identity provider, which tells every other app of this session by back-channel logout.
        return TypedResults.SignOut(properties,
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
    }
}
