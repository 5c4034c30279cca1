using System.Globalization;

namespace ShopAuthDemo.Web.Authentication.StepUp;

/// <summary>The login link that answers a step-up challenge: a sign-in at the identity provider with <c>max_age</c>.</summary>
public static class StepUpSignIn
{
    /// <summary>The login endpoint's query parameter that carries the age, in seconds.</summary>
    public const string MaxAgeParameter = "maxAge";

    // Asked a little younger than the API's limit, so that the new sign-in is still young enough when the
    // request is sent again; otherwise a sign-in just under the limit would come back and be refused again.
    private const int Margin = 30;

    /// <summary>The <c>max_age</c> to ask the identity provider for; 0 (sign in now) when the API named none.</summary>
    public static int MaxAgeFor(StepUpChallenge challenge) =>
        challenge.MaxAgeSeconds is { } seconds ? Math.Max(0, seconds - Margin) : 0;

    /// <summary>Base-relative, for a link: "authentication/login?returnUrl=%2Fcart&amp;maxAge=270".</summary>
    public static string Href(string returnUrl, int maxAgeSeconds) =>
        $"authentication/login?returnUrl={Uri.EscapeDataString(returnUrl)}&{MaxAgeParameter}={maxAgeSeconds.ToString(CultureInfo.InvariantCulture)}";
}
