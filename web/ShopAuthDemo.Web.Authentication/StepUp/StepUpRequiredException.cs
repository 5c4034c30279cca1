namespace ShopAuthDemo.Web.Authentication.StepUp;

/// <summary>An API asked for a more recent sign-in (RFC 9470) before it does what was asked.</summary>
/// <param name="Detail">The API's explanation (its problem details' <c>detail</c>), in words for the user.</param>
public sealed class StepUpRequiredException(string api, StepUpChallenge challenge, string? detail)
    : Exception($"{api} asks for a more recent sign-in (max_age {challenge.MaxAgeSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not given"}).")
{
    public string Api { get; } = api;
    public StepUpChallenge Challenge { get; } = challenge;
    public string? Detail { get; } = detail;
}
