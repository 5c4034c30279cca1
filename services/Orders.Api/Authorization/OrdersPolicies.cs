using Microsoft.AspNetCore.Authorization;
using ShopAuthDemo.ServiceDefaults.Authentication;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyEnforcementPoint;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.Orders.Api.Authorization;

public static class OrdersPolicies
{
    public const string Customer = "customer";
    public const string PlaceOrder = "place-order";
    public const string Staff = "staff";
    public const string ShippingPartner = "shipping-partner";

    public const string Audience = "orders-api";

    public static AuthorizationBuilder AddOrdersPolicies(this AuthorizationBuilder authorization, PartnerClients partners) =>
        authorization
            // The user is a customer AND let this client act on orders for them (scope "orders"):
            // a customer's token obtained for something else cannot place orders.
            .AddPolicy(Customer, policy => RequireCustomer(policy))
            // A customer, and the access rules admins manage in the back office (large orders need a recent
            // sign-in, some products not to some countries): decided here, on orders-api's own copy of the rules.
            .AddPolicy(PlaceOrder, policy => RequireCustomer(policy)
                .RequireAccessRules(AccessActions.PlaceOrder))
            .AddPolicy(Staff, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(JwtClaimTypes.Audience, Audience)
                .RequireRole("staff"))
            // Checked here even though the gateway checked the scope already: orders-api does not trust
            // the network, so a caller that reaches it around the gateway meets the same rule.
            .AddPolicy(ShippingPartner, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(JwtClaimTypes.Audience, Audience)
                .RequireScope("shipping")
                // The token was issued to a client we have a shipping contract with. A user's token names
                // the web app that asked for it (azp shop-web), so users are refused even with scope
                // "shipping"; and partner clients can only use client credentials, so no user stands behind them.
                .RequireAssertion(context => partners.IsPartner(context.User.GetAuthorizedParty())));

    private static AuthorizationPolicyBuilder RequireCustomer(AuthorizationPolicyBuilder policy) => policy
        .RequireAuthenticatedUser()
        .RequireClaim(JwtClaimTypes.Audience, Audience)
        .RequireRole("customer")
        .RequireScope("orders");
}
