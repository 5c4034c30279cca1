using System.Globalization;
using System.Security.Claims;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;

/// <summary>
/// The PIP's first source: what the validated access token says about the user. Signed by the identity
/// provider and already checked, so reading it costs nothing and a caller cannot change it.
/// </summary>
public static class TokenClaimsSource
{
    /// <summary>OIDC's "when the user last entered credentials", seconds since 1970.</summary>
    public const string AuthTimeClaim = "auth_time";

    /// <summary>Group names from the realm's group-membership mapper (no leading slash).</summary>
    public const string GroupsClaim = "groups";

    public static Sourced<string?> Subject(ClaimsPrincipal user) =>
        user.GetSubject() is { } sub ? new(sub, AttributeSource.AccessToken) : Sourced<string?>.Absent(null);

    public static Sourced<DateTimeOffset?> AuthenticatedAt(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(AuthTimeClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? new(DateTimeOffset.FromUnixTimeSeconds(seconds), AttributeSource.AccessToken)
            : Sourced<DateTimeOffset?>.Absent(null);

    public static Sourced<IReadOnlyCollection<string>> Groups(ClaimsPrincipal user)
    {
        var groups = user.FindAll(GroupsClaim).Select(claim => claim.Value).ToArray();
        return groups.Length > 0 ? new(groups, AttributeSource.AccessToken) : Sourced<IReadOnlyCollection<string>>.Absent([]);
    }
}
