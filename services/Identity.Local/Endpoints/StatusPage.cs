using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using ShopAuthDemo.Identity.Local.Realm;
using ShopAuthDemo.Identity.Local.Sessions;

namespace ShopAuthDemo.Identity.Local.Endpoints;

/// <summary>Where a browser lands with nowhere else to go: says whether it is signed in here.</summary>
public static class StatusPage
{
    public static async Task<IResult> HandleAsync(HttpContext context, LocalRealm realm, SsoSessionStore sessions)
    {
        var cookie = await context.AuthenticateAsync(SsoCookie.Scheme);
        var session = sessions.FindActive(cookie.Principal?.FindFirst(SsoCookie.SessionIdClaim)?.Value);
        var user = realm.FindUserById(session?.UserId);
        var state = user is null
            ? "You are signed out."
            : $"You are signed in as {HtmlEncoder.Default.Encode(user.Username)}. Go back to the application you came from.";
        return Results.Content($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>{HtmlEncoder.Default.Encode(realm.Settings.DisplayName)}</title></head>
            <body style="font-family: system-ui, sans-serif; max-width: 26rem; margin: 3rem auto;">
              <p><strong>Development stand-in for Keycloak.</strong></p>
              <p id="status">{state}</p>
            </body></html>
            """, "text/html; charset=utf-8");
    }
}
