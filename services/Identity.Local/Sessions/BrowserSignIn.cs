using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using ShopAuthDemo.Identity.Local.Logout;
using ShopAuthDemo.Identity.Local.Realm;

namespace ShopAuthDemo.Identity.Local.Sessions;

/// <summary>The end of every successful sign-in, by password or through another identity provider: the SSO session and its cookie.</summary>
public static class BrowserSignIn
{
    public static async Task<SsoSession> SignInAsync(HttpContext context, RealmUser user, BrokeredSignIn? broker)
    {
        var services = context.RequestServices;
        var session = await SessionForAsync(context, user, broker, services.GetRequiredService<SsoSessionStore>(),
            services.GetRequiredService<BackchannelLogoutNotifier>(), services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<SsoSession>>());
        var identity = new ClaimsIdentity(
            [new Claim(SsoCookie.SubjectClaim, user.Id), new Claim(SsoCookie.SessionIdClaim, session.Id)], SsoCookie.Scheme);
        await context.SignInAsync(SsoCookie.Scheme, new ClaimsPrincipal(identity));
        return session;
    }

    // Signing in where this browser already has a session (prompt=login, or a second person at the same
    // computer): the same user keeps it, so the other apps stay signed in; another user's session is ended
    // with back-channel logout to its apps, never left running behind the new one.
    private static async Task<SsoSession> SessionForAsync(HttpContext context, RealmUser user, BrokeredSignIn? broker,
        SsoSessionStore sessions, BackchannelLogoutNotifier notifier, TimeProvider time, ILogger logger)
    {
        var cookie = await context.AuthenticateAsync(SsoCookie.Scheme);
        var current = sessions.FindActive(cookie.Principal?.FindFirst(SsoCookie.SessionIdClaim)?.Value);
        if (current is not null && current.UserId == user.Id && current.Broker?.Alias == broker?.Alias)
        {
            // The proof that prompt=login asked for: the authorization request answers only after this moment.
            current.AuthenticatedAt = time.GetUtcNow();
            current.Broker = broker;
            return current;
        }
        if (sessions.End(current?.Id) is { } replaced)
        {
            logger.LogInformation("Session {Sid} of {Sub} ended: {NewSub} signed in in the same browser",
                replaced.Id, replaced.UserId, user.Id);
            await notifier.NotifyAsync(replaced, context.RequestAborted);
        }
        return sessions.Start(user, broker);
    }
}
