using Microsoft.AspNetCore.Authorization;
using ShopAuthDemo.ServiceDefaults.Authentication;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyEnforcementPoint;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.Catalog.Api.Authorization;

public static class CatalogPolicies
{
    public const string ChangePrice = "change-price";
    public const string PriceQuotes = "price-quotes";

    public const string AdminRole = "admin";
    public const string Audience = "catalog-api";

    // A client role of catalog-api (resource_access.catalog-api.roles); the realm grants it only to
    // orders-api's service account.
    public const string PriceQuotesClientRole = "price-quotes";

    public static AuthorizationBuilder AddCatalogPolicies(this AuthorizationBuilder authorization) =>
        authorization
            .AddPolicy(ChangePrice, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(AdminRole)
                // Bearer validation already checks aud; saying it again here keeps the rule true if that
                // set-up is ever loosened (more audiences, another scheme): an admin's token minted for
                // orders-api or payments-api must not change catalog prices.
                .RequireClaim(JwtClaimTypes.Audience, Audience)
                // Then the access rules an admin manages in the back office (big changes need a pricing
                // lead, office hours): decided here, in catalog-api, on its own copy of the rules.
                .RequireAccessRules(AccessActions.ChangePrice))
            .AddPolicy(PriceQuotes, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(JwtClaimTypes.Audience, Audience)
                // Any signed-in user can get a token with aud catalog-api (shop-web asks for the
                // "catalog" scope), and carol is even an admin. Requiring a client role that only a
                // service account holds stops a user - or anyone holding a stolen user token - from
                // calling this internal endpoint directly and bypassing orders-api's rules.
                .RequireClientRole(Audience, PriceQuotesClientRole));
}
