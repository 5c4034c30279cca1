using System.Security.Claims;

namespace ShopAuthDemo.ServiceDefaults.Authentication;

public static class ClaimsPrincipalExtensions
{
    public static string? GetSubject(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(JwtClaimTypes.Subject);

    public static string? GetAuthorizedParty(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(JwtClaimTypes.AuthorizedParty);

    // "aud" is a string for one audience and an array for several; both arrive as one claim per value.
    public static IReadOnlyList<string> GetAudiences(this ClaimsPrincipal principal) =>
        principal.FindAll(JwtClaimTypes.Audience).Select(claim => claim.Value).Distinct().ToList();

    // Keycloak puts all granted scopes in one space-separated claim: "scope": "openid profile catalog".
    public static IReadOnlySet<string> GetScopes(this ClaimsPrincipal principal) =>
        principal.FindAll(JwtClaimTypes.Scope)
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);

    public static bool HasScope(this ClaimsPrincipal principal, string scope) =>
        principal.GetScopes().Contains(scope);

    public static IReadOnlyList<string> GetRoles(this ClaimsPrincipal principal) =>
        principal.Identities
            .SelectMany(identity => identity.FindAll(identity.RoleClaimType))
            .Select(claim => claim.Value)
            .Distinct()
            .ToList();

    // Client roles stay out of the "role" claims on purpose: a client role named "admin" on some
    // other client must never pass RequireRole("admin"). Ask for them by client instead.
    public static IReadOnlyList<string> GetClientRoles(this ClaimsPrincipal principal, string clientId) =>
        principal.Identities
            .Where(identity => identity.IsAuthenticated)
            .SelectMany(identity => identity.FindAll(KeycloakClaimTypes.ResourceAccess))
            .SelectMany(claim => KeycloakRoleClaims.ReadClientRoles(claim, clientId))
            .Distinct()
            .ToList();

    public static bool HasClientRole(this ClaimsPrincipal principal, string clientId, string role) =>
        principal.GetClientRoles(clientId).Contains(role, StringComparer.Ordinal);
}
