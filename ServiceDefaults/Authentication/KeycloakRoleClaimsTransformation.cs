using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace ShopAuthDemo.ServiceDefaults.Authentication;

// Turns realm_access.roles into one role claim per role, so RequireRole("admin") and IsInRole work.
// A claims transformation rather than JwtBearerEvents.OnTokenValidated: it also serves the web apps'
// cookie principals, leaves the bearer events free for each service, and is testable on its own.
// It can run more than once per request, so it only adds roles that are not there yet.
public sealed class KeycloakRoleClaimsTransformation : IClaimsTransformation
{
    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity)
        {
            return Task.FromResult(principal);
        }

        var missingRoles = identity.FindAll(KeycloakClaimTypes.RealmAccess)
            .SelectMany(claim => RealmAccessClaim.ReadRoles(claim).Select(role => (role, claim.Issuer)))
            .DistinctBy(found => found.role, StringComparer.Ordinal)
            .Where(found => !identity.HasClaim(identity.RoleClaimType, found.role))
            .ToList();

        if (missingRoles.Count == 0)
        {
            return Task.FromResult(principal);
        }

        // Clone: the handler may hand the same principal to another caller.
        var transformed = principal.Clone();
        var transformedIdentity = (ClaimsIdentity)transformed.Identity!;
        transformedIdentity.AddClaims(missingRoles.Select(found =>
            new Claim(transformedIdentity.RoleClaimType, found.role, ClaimValueTypes.String, found.Issuer)));

        return Task.FromResult(transformed);
    }
}
