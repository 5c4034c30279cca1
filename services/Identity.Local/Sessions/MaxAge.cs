using System.Globalization;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShopAuthDemo.Identity.Local.Sessions;

/// <summary>
/// The <c>max_age</c> authorization parameter (OIDC Core 3.1.2.1): how many seconds may have passed since the user
/// last typed their password. A step-up challenge (RFC 9470) sends the client here with it; an older sign-in is
/// repeated through the same round trip as prompt=login (<see cref="ReauthenticationRequests"/>), and max_age=0
/// is prompt=login. Without it a client asking "signed in within 5 minutes?" would get yesterday's session.
/// </summary>
public static class MaxAge
{
    /// <summary>False when max_age is sent but is not a whole number of seconds, 0 or more.</summary>
    public static bool TryRead(OpenIddictRequest request, out long? seconds)
    {
        seconds = null;
        if ((string?)request[Parameters.MaxAge] is not { } text) return true;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return false;
        seconds = value;
        return true;
    }

    /// <summary>
    /// Whether a sign-in at <paramref name="authenticatedAt"/> is too old, in whole seconds as auth_time counts
    /// them and as Keycloak compares (auth_time + max_age &lt; now).
    /// </summary>
    public static bool RequiresNewSignIn(long maxAge, DateTimeOffset authenticatedAt, DateTimeOffset now) =>
        maxAge == 0 || now.ToUnixTimeSeconds() - authenticatedAt.ToUnixTimeSeconds() > maxAge;
}
