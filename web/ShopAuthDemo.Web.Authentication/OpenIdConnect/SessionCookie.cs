using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using ShopAuthDemo.Web.Authentication.Configuration;
using ShopAuthDemo.Web.Authentication.Sessions;

namespace ShopAuthDemo.Web.Authentication.OpenIdConnect;

internal static class SessionCookie
{
    public static void Configure(CookieAuthenticationOptions cookie, WebAppSignIn signIn, bool servedOnlyOverHttps)
    {
        cookie.Cookie.Name = signIn.CookieName;
        // HttpOnly (see BrowserCookies): XSS cannot steal the session. Lax keeps it off cross-site POSTs and
        // sub-requests (CSRF) while top-level links into the app still arrive signed in.
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        BrowserCookies.Apply(cookie.Cookie, servedOnlyOverHttps);
        cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        cookie.SlidingExpiration = true;
        cookie.AccessDeniedPath = "/access-denied";

        // A fresh key per sign-in names the server-side session (see ServerSideTicketStore), and is how an
        // interactive circuit, which has no cookie to read, finds the session's tokens.
        cookie.Events.OnSigningIn = context =>
        {
            if (context.Principal?.Identity is ClaimsIdentity identity)
            {
                foreach (var old in identity.FindAll(SessionClaimTypes.SessionKey).ToList()) identity.RemoveClaim(old);
                identity.AddClaim(new Claim(SessionClaimTypes.SessionKey, ServerSideTicketStore.NewKey()));
            }
            return Task.CompletedTask;
        };
    }

}
