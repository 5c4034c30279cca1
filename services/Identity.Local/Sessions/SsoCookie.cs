using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using ShopAuthDemo.Identity.Local.Endpoints;
using ShopAuthDemo.Identity.Local.Realm;

namespace ShopAuthDemo.Identity.Local.Sessions;

/// <summary>The browser's SSO cookie at the identity provider (Keycloak calls its own KEYCLOAK_IDENTITY).</summary>
public static class SsoCookie
{
    public const string Scheme = "IdentityLocal.Sso";
    public const string SessionIdClaim = "sid";
    public const string SubjectClaim = "sub";

    public static AuthenticationBuilder AddSsoCookie(this AuthenticationBuilder builder, LocalRealm realm) =>
        builder.AddCookie(Scheme, options =>
        {
            options.Cookie.Name = "IDENTITY_LOCAL_SSO";
            options.Cookie.Path = realm.Paths.Realm;
            options.Cookie.HttpOnly = true;
            // Lax: the cookie must ride along when a relying party redirects the browser here.
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = realm.Settings.SsoSessionMaxLifespan;
            options.SlidingExpiration = false;
            options.LoginPath = realm.Paths.Login;
            options.Events.OnValidatePrincipal = RejectEndedSessions;
        });

    // A cookie whose session was ended (logout, timeout, restart) must not sign anyone in again.
    private static async Task RejectEndedSessions(CookieValidatePrincipalContext context)
    {
        var store = context.HttpContext.RequestServices.GetRequiredService<SsoSessionStore>();
        if (store.FindActive(context.Principal?.FindFirst(SessionIdClaim)?.Value) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }
}
