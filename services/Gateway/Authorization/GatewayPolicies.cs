using Microsoft.AspNetCore.Authorization;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.Gateway.Authorization;

/// <summary>
/// Coarse rules at the edge: enough to turn away callers who can never succeed before they reach a
/// service. The services decide again, in detail (role, ownership, partner list), on the same token.
/// </summary>
public static class GatewayPolicies
{
    // YARP's own name for "no authorization": the route is open, a token if sent is still validated.
    public const string Anonymous = "anonymous";
    public const string OrdersCaller = "orders-caller";
    public const string ShippingPartner = "shipping-partner";

    public static TBuilder AddGatewayPolicies<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddAuthorizationBuilder()
            // A valid token minted for orders-api; whether it may place or read orders is orders-api's call.
            .AddPolicy(OrdersCaller, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(JwtClaimTypes.Audience, "orders-api"))
            // Only callers granted the partner scope get as far as the partner routes.
            .AddPolicy(ShippingPartner, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(JwtClaimTypes.Audience, "orders-api")
                .RequireScope("shipping"));
        return builder;
    }
}
