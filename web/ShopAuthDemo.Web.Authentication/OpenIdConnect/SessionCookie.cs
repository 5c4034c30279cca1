using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using System.Security.Claims;
using ShopAuthDemo.Web.Authentication.Configuration;
using ShopAuthDemo.Web.Authentication.Sessions;

namespace ShopAuthDemo.Web.Authentication.OpenIdConnect;

internal static class SessionCookie
{
    public static void Configure(CookieAuthenticationOptions cookie, WebAppSignIn signIn, bool servedOnlyOverHttps)
    {
        // Scripts cannot read it (XSS cannot steal the session); Lax keeps it off cross-site POSTs and
        // sub-requests (CSRF) while top-level links into the app still arrive signed in.
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.Path = "/";
        if (servedOnlyOverHttps)
        {
            // __Host-: browsers accept it only Secure, for this exact host and path "/", so no sibling
            // subdomain or plain-http page can plant or overwrite the session cookie.
            cookie.Cookie.Name = "__Host-" + signIn.CookieName;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        }
        else
        {
            // The development default is plain http (see README), where a Secure cookie would not be sent back.
            cookie.Cookie.Name = signIn.CookieName;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }
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

    /// <summary>
    /// True when every address the app listens on is https (ASPNETCORE_URLS, as the AppHost or a host sets
    /// it). One plain-http address is enough to keep the prefix off: the cookie must work on each of them.
    /// </summary>
    public static bool ServedOnlyOverHttps(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return urls.Length > 0 && urls.All(url => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
    }
}
