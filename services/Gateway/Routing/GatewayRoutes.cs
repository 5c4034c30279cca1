using ShopAuthDemo.Gateway.Authorization;

namespace ShopAuthDemo.Gateway.Routing;

/// <summary>What external callers can reach through the gateway, and with which methods. Anything else stays inside the app.</summary>
public static class GatewayRoutes
{
    public static readonly IReadOnlyList<GatewayRoute> Published =
    [
        // GET /catalog/products -> catalog-api GET /api/products. Browsing needs no account. Read-only:
        // this route is anonymous at the edge, so publishing PUT .../price too would leave catalog-api's
        // admin check as the only thing between the internet and the prices. Price changes stay inside
        // (the back office). Internal price quotes are for services, not for the outside.
        new("catalog", "/catalog/products", "catalog-api", "/api/products", ["GET", "HEAD"], GatewayPolicies.Anonymous),
        // /orders/{id} -> orders-api /api/orders/{id}. The customer routes; orders-api checks role and owner.
        new("orders", "/orders", "orders-api", "/api/orders", ["GET", "POST"], GatewayPolicies.OrdersCaller),
        // /partner/orders/ready-to-ship -> orders-api /api/partner/orders/ready-to-ship.
        new("partner", "/partner", "orders-api", "/api/partner", ["GET", "POST"], GatewayPolicies.ShippingPartner),
    ];

    /// <summary>The services behind the gateway, by their service discovery names.</summary>
    public static IEnumerable<string> Services => Published.Select(route => route.Service).Distinct();
}
