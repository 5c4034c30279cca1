using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using ShopAuthDemo.Identity.Local.Endpoints;
using ShopAuthDemo.Identity.Local.Realm;
using ShopAuthDemo.Identity.Local.Sessions;

namespace ShopAuthDemo.Identity.Local.Login;

public static class LoginEndpoints
{
    public static void MapLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet(KeycloakPaths.Login, (HttpContext context, IAntiforgery antiforgery, ShopRealm realm, string? returnUrl) =>
            LoginPage.Render(context, antiforgery, realm.Settings.DisplayName, LocalOnly(returnUrl)));

        // Antiforgery is checked in the handler (not by form binding) so an expired form gets the page
        // back with an explanation and the username kept, instead of a bare 400.
        app.MapPost(KeycloakPaths.Login, SignInAsync).DisableAntiforgery();
    }

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, ShopRealm realm,
        SsoSessionStore sessions, ILogger<LoginForm> logger, [FromForm] LoginForm form)
    {
        var returnUrl = LocalOnly(form.ReturnUrl);
        if (!await antiforgery.IsRequestValidAsync(context))
            return LoginPage.Render(context, antiforgery, realm.Settings.DisplayName, returnUrl, form.Username,
                "This sign-in form expired or was not sent by this page. Sign in again.", StatusCodes.Status400BadRequest);

        var user = realm.FindPerson(form.Username ?? "");
        if (user is null || !PasswordCheck.Matches(user, form.Password ?? ""))
        {
            logger.LogWarning("Failed sign-in for username {Username}", form.Username);
            // Keep what the user typed (except the password) and say what to do next.
            return LoginPage.Render(context, antiforgery, realm.Settings.DisplayName, returnUrl, form.Username,
                "Invalid username or password. Check both and try again.", StatusCodes.Status401Unauthorized);
        }

        var session = sessions.Start(user);
        var identity = new ClaimsIdentity(
            [new Claim(SsoCookie.SubjectClaim, user.Id), new Claim(SsoCookie.SessionIdClaim, session.Id)], SsoCookie.Scheme);
        await context.SignInAsync(SsoCookie.Scheme, new ClaimsPrincipal(identity));
        logger.LogInformation("User {Sub} ({Username}) signed in, session {Sid}", user.Id, user.Username, session.Id);
        return Results.LocalRedirect(returnUrl);
    }

    // Only a path on this server: an absolute or protocol-relative URL here would be an open redirect.
    private static string LocalOnly(string? returnUrl) =>
        returnUrl is { Length: > 1 } url && url[0] == '/' && url[1] != '/' && url[1] != '\\' && !url.Contains('\\')
            ? url
            : KeycloakPaths.Status;

    public sealed record LoginForm(string? Username, string? Password, string? ReturnUrl);
}
