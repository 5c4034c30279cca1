using Microsoft.AspNetCore.Authorization;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.Catalog.Api.Authorization;

public static class CatalogPolicies
{
    public const string Admin = "CatalogAdmin";
    public const string PriceQuotes = "CatalogPriceQuotes";

    public const string AdminRole = "admin";
    public const string Audience = "catalog-api";

    // A client role of catalog-api (resource_access.catalog-api.roles); the realm grants it only to
    // orders-api's service account.
    public const string PriceQuotesClientRole = "price-quotes";

    public static AuthorizationBuilder AddCatalogPolicies(this AuthorizationBuilder authorization) =>
        authorization
            .AddPolicy(Admin, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(AdminRole)
                // Bearer validation already checks aud; saying it again here keeps the rule true if that
                // set-up is ever loosened (more audiences, another scheme): an admin's token minted for
                // orders-api or payments-api must not change catalog prices.
                .RequireClaim(KeycloakClaimTypes.Audience, Audience))
            .AddPolicy(PriceQuotes, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(KeycloakClaimTypes.Audience, Audience)
                // Any signed-in user can get a token with aud catalog-api (shop-web asks for the
                // "catalog" scope), and carol is even an admin. Requiring a client role that only a
                // service account holds stops a user - or anyone holding a stolen user token - from
                // calling this internal endpoint directly and bypassing orders-api's rules.
                .RequireClientRole(Audience, PriceQuotesClientRole));
}
