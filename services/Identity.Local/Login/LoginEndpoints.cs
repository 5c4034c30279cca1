using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using ShopAuthDemo.Identity.Local.Endpoints;
using ShopAuthDemo.Identity.Local.Logout;
using ShopAuthDemo.Identity.Local.Realm;
using ShopAuthDemo.Identity.Local.Sessions;

namespace ShopAuthDemo.Identity.Local.Login;

public static class LoginEndpoints
{
    public static void MapLogin(this IEndpointRouteBuilder app, KeycloakPaths paths)
    {
        app.MapGet(paths.Login, (HttpContext context, IAntiforgery antiforgery, LocalRealm realm, string? returnUrl) =>
            LoginPage.Render(context, antiforgery, realm, LocalOnly(returnUrl, realm.Paths)));

        // Antiforgery is checked in the handler (not by form binding) so an expired form gets the page
        // back with an explanation and the username kept, instead of a bare 400.
        app.MapPost(paths.Login, SignInAsync).DisableAntiforgery();
    }

    private const string InvalidCredentials = "Invalid username or password. Check both and try again.";

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, LocalRealm realm,
        BruteForceProtector bruteForce, TimeProvider time,
        ILogger<LoginForm> logger, [FromForm] LoginForm form)
    {
        var returnUrl = LocalOnly(form.ReturnUrl, realm.Paths);
        // Every answer keeps what the user typed (except the password) and says what to do next.
        IResult Page(string error, int status) =>
            LoginPage.Render(context, antiforgery, realm, returnUrl, form.Username, error, status);
        IResult Locked(DateTimeOffset until)
        {
            var wait = until - time.GetUtcNow();
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Page($"Too many failed sign-ins for this account. Try again in {Duration(wait)} " +
                        $"(after {until.UtcDateTime:HH:mm:ss} UTC).", StatusCodes.Status429TooManyRequests);
        }

        if (!await antiforgery.IsRequestValidAsync(context))
            return Page("This sign-in form expired or was not sent by this page. Sign in again.", StatusCodes.Status400BadRequest);

        var typed = form.Username ?? "";
        var user = realm.FindPerson(typed);
        // A name that matches no user goes through the same steps (lockout, password hash, counting), so no
        // status, header, text or timing tells an attacker which usernames exist.
        if (bruteForce.LockedUntil(user, typed) is { } lockedUntil)
        {
            // Even the right password is refused until then; the attempt does not extend the lockout.
            if (user is null) logger.LogWarning("Sign-in refused: no user by that name, locked as a user would be (the typed username is not logged)");
            else logger.LogWarning("Sign-in refused: {Sub} ({Username}) is temporarily locked until {Until:O}", user.Id, user.Username, lockedUntil);
            return Locked(lockedUntil);
        }
        if (!PasswordCheck.Matches(user, form.Password ?? ""))
        {
            var locks = bruteForce.RecordFailure(user, typed);
            // Not the typed username when it is no user's: people paste their password into that field, and logs are read by many.
            if (user is null) logger.LogWarning("Failed sign-in: no user by that name (the typed username is not logged)");
            else logger.LogWarning("Failed sign-in for {Sub} ({Username}): wrong password", user.Id, user.Username);
            if (locks is not { } until) return Page(InvalidCredentials, StatusCodes.Status401Unauthorized);
            if (user is not null)
                logger.LogWarning("{Sub} ({Username}) temporarily locked until {Until:O} after repeated failures", user.Id, user.Username, until);
            return Locked(until);
        }

        bruteForce.RecordSuccess(user);
        var session = await BrowserSignIn.SignInAsync(context, user, broker: null);
        logger.LogInformation("User {Sub} ({Username}) signed in, session {Sid}", user.Id, user.Username, session.Id);
        return Results.LocalRedirect(returnUrl);
    }

    private static string Duration(TimeSpan wait) =>
        wait.TotalSeconds <= 90
            ? $"{Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} seconds"
            : $"{(int)Math.Ceiling(wait.TotalMinutes)} minutes";

    // Only a path on this server: an absolute or protocol-relative URL here would be an open redirect.
    internal static string LocalOnly(string? returnUrl, KeycloakPaths paths) =>
        returnUrl is { Length: > 1 } url && url[0] == '/' && url[1] != '/' && url[1] != '\\' && !url.Contains('\\') &&
        !url.Any(char.IsControl)
            ? url
            : paths.Status;

    public sealed record LoginForm(string? Username, string? Password, string? ReturnUrl);
}
