using System.Globalization;
using System.Net;

namespace ShopAuthDemo.Web.Authentication.StepUp;

/// <summary>
/// An API's RFC 9470 step-up challenge: "your token is fine, but you signed in too long ago" —
/// <c>401</c> with <c>WWW-Authenticate: Bearer error="insufficient_user_authentication", max_age=300</c>.
/// A new access token would not help (a refresh keeps the old <c>auth_time</c>); only a new sign-in at the
/// identity provider within <see cref="MaxAgeSeconds"/> does.
/// </summary>
/// <param name="MaxAgeSeconds">How old the sign-in may be; null when the API did not say (any fresh sign-in).</param>
/// <param name="Description">The challenge's <c>error_description</c>, for logs and developers.</param>
public sealed record StepUpChallenge(int? MaxAgeSeconds, string? Description)
{
    public const string Error = "insufficient_user_authentication";

    /// <summary>The step-up challenge of a 401 response, or null when it is any other answer.</summary>
    public static StepUpChallenge? Find(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Unauthorized
        // Raw values: the typed header would re-serialize, and the parameters are read by AuthenticationChallenges.
        && response.Headers.NonValidated.TryGetValues("WWW-Authenticate", out var values)
            ? Find(values)
            : null;

    /// <summary>The first Bearer challenge with error <c>insufficient_user_authentication</c> in these header values.</summary>
    public static StepUpChallenge? Find(IEnumerable<string> wwwAuthenticateValues)
    {
        foreach (var value in wwwAuthenticateValues)
        {
            foreach (var challenge in AuthenticationChallenges.Parse(value))
            {
                if (!challenge.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)) continue;
                if (!challenge.Parameters.TryGetValue("error", out var error) || !string.Equals(error, Error, StringComparison.Ordinal)) continue;
                challenge.Parameters.TryGetValue("error_description", out var description);
                return new(MaxAge(challenge), description);
            }
        }
        return null;
    }

    // RFC 9470: max_age is a non-negative integer, quoted or not. Anything else is read as "not said".
    private static int? MaxAge(AuthenticationChallenge challenge) =>
        challenge.Parameters.TryGetValue("max_age", out var text)
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : null;
}
