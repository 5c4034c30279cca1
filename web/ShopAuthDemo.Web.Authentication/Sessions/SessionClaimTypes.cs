namespace ShopAuthDemo.Web.Authentication.Sessions;

public static class SessionClaimTypes
{
    /// <summary>
    /// The key of this browser's session in <see cref="IUserSessionStore"/>. Added at sign-in so that code
    /// without an HttpContext (an interactive Blazor circuit) can still find the session's tokens.
    /// Never shown to the user: together with the app's data-protection keys it is the session.
    /// </summary>
    public const string SessionKey = "web_session";

    /// <summary>The identity provider's session id (ID token claim), which back-channel logout names.</summary>
    public const string IdentityProviderSession = "sid";
}
