using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace ShopAuthDemo.ServiceDefaults.Authentication;

// Turns realm_access.roles into one role claim per role, so RequireRole("admin") and IsInRole work.
// A claims transformation rather than JwtBearerEvents.OnTokenValidated: it also serves the web apps'
// cookie principals, leaves the bearer events free for each service, and is testable on its own.
// The role claims end up exactly the realm roles: any claim of the role type that came with the token
// (a mapper that emits it) is dropped, so no other claim can make someone an admin. That also makes it
// safe to run more than once per request (it does): a second run finds nothing to change.
public sealed class KeycloakRoleClaimsTransformation : IClaimsTransformation
{
    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity)
        {
            return Task.FromResult(principal);
        }

        var realmRoles = identity.FindAll(KeycloakClaimTypes.RealmAccess)
            .SelectMany(claim => KeycloakRoleClaims.ReadRealmRoles(claim).Select(role => (role, claim.Issuer)))
            .DistinctBy(found => found.role, StringComparer.Ordinal)
            .ToList();
        var roleClaims = identity.FindAll(identity.RoleClaimType).ToList();

        if (roleClaims.Count == realmRoles.Count
            && roleClaims.Select(claim => claim.Value).ToHashSet(StringComparer.Ordinal).SetEquals(realmRoles.Select(found => found.role)))
        {
            return Task.FromResult(principal);
        }

        // Clone: the handler may hand the same principal to another caller (the validated-token cache does).
        var transformed = principal.Clone();
        var transformedIdentity = (ClaimsIdentity)transformed.Identity!;
        foreach (var claim in transformedIdentity.FindAll(transformedIdentity.RoleClaimType).ToList())
        {
            transformedIdentity.RemoveClaim(claim);
        }
        transformedIdentity.AddClaims(realmRoles.Select(found =>
            new Claim(transformedIdentity.RoleClaimType, found.role, ClaimValueTypes.String, found.Issuer)));

        return Task.FromResult(transformed);
    }
}
