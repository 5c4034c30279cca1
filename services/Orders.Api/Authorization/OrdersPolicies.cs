using Microsoft.AspNetCore.Authorization;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.Orders.Api.Authorization;

public static class OrdersPolicies
{
    public const string Customer = "OrdersCustomer";
    public const string Staff = "OrdersStaff";

    public const string Audience = "orders-api";

    public static AuthorizationBuilder AddOrdersPolicies(this AuthorizationBuilder authorization) =>
        authorization
            // The user is a customer AND let this client act on orders for them (scope "orders"):
            // a customer's token obtained for something else cannot place orders.
            .AddPolicy(Customer, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(KeycloakClaimTypes.Audience, Audience)
                .RequireRole("customer")
                .RequireScope("orders"))
            .AddPolicy(Staff, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(KeycloakClaimTypes.Audience, Audience)
                .RequireRole("staff"));
}
