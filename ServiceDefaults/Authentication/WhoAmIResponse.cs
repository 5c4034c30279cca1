using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using ShopAuthDemo.ServiceDefaults.MutualTls;

namespace ShopAuthDemo.ServiceDefaults.Authentication;

// What an API saw: the caller's token (property names match its claim names) and, under "peer", the service
// its connection's client certificate names (mutual TLS): identity at two layers, side by side. A user who signed
// in through another company's identity provider (federation) has "identity_provider": the token is still realm
// shop's, so no API ever trusts a second issuer.
public sealed record WhoAmIResponse(
    [property: JsonPropertyName("sub")] string? Subject,
    [property: JsonPropertyName("preferred_username")] string? PreferredUsername,
    [property: JsonPropertyName("azp")] string? AuthorizedParty,
    [property: JsonPropertyName("aud")] IReadOnlyList<string> Audiences,
    [property: JsonPropertyName("scopes")] IReadOnlyList<string> Scopes,
    [property: JsonPropertyName("roles")] IReadOnlyList<string> Roles,
    [property: JsonPropertyName("peer")] string? Peer,
    [property: JsonPropertyName("identity_provider")] string? IdentityProvider = null)
{
    public static WhoAmIResponse From(HttpContext request) => From(request.User, request.PeerService());

    public static WhoAmIResponse From(ClaimsPrincipal user, string? peer) => new(
        user.GetSubject(),
        user.FindFirstValue(JwtClaimTypes.PreferredUsername),
        user.GetAuthorizedParty(),
        user.GetAudiences(),
        [.. user.GetScopes().Order(StringComparer.Ordinal)],
        [.. user.GetRoles().Order(StringComparer.Ordinal)],
        peer,
        user.FindFirstValue(KeycloakClaimTypes.IdentityProvider));
}
