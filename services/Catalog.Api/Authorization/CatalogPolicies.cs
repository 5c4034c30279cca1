using Microsoft.AspNetCore.Authorization;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.Catalog.Api.Authorization;

public static class CatalogPolicies
{
    public const string Admin = "CatalogAdmin";

    public const string AdminRole = "admin";
    public const string Audience = "catalog-api";

    public static AuthorizationBuilder AddCatalogPolicies(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(Admin, policy => policy
            .RequireAuthenticatedUser()
            .RequireRole(AdminRole)
            // Bearer validation already checks aud; saying it again here keeps the rule true if that
            // set-up is ever loosened (more audiences, another scheme): an admin's token minted for
            // orders-api or payments-api must not change catalog prices.
            .RequireClaim(KeycloakClaimTypes.Audience, Audience));
}
