using System.Security.Claims;
using System.Text.Json.Serialization;

namespace ShopAuthDemo.ServiceDefaults.Authentication;

// What an API saw in the caller's token; property names match the token's claim names.
public sealed record WhoAmIResponse(
    [property: JsonPropertyName("sub")] string? Subject,
    [property: JsonPropertyName("preferred_username")] string? PreferredUsername,
    [property: JsonPropertyName("azp")] string? AuthorizedParty,
    [property: JsonPropertyName("aud")] IReadOnlyList<string> Audiences,
    [property: JsonPropertyName("scopes")] IReadOnlyList<string> Scopes,
    [property: JsonPropertyName("roles")] IReadOnlyList<string> Roles)
{
    public static WhoAmIResponse From(ClaimsPrincipal user) => new(
        user.GetSubject(),
        user.FindFirstValue(KeycloakClaimTypes.PreferredUsername),
        user.GetAuthorizedParty(),
        user.GetAudiences(),
        [.. user.GetScopes().Order(StringComparer.Ordinal)],
        [.. user.GetRoles().Order(StringComparer.Ordinal)]);
}
