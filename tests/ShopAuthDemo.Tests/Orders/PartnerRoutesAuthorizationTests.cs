using System.Net;
using System.Net.Http.Json;
using ShopAuthDemo.Tests.Orders.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Orders;

/// <summary>
/// orders-api decides for itself who may use the partner routes, whatever the gateway let through:
/// a request that reaches it around the gateway meets the same rules (it does not trust the network).
/// </summary>
public sealed class PartnerRoutesAuthorizationTests(OrdersApiHost host) : IClassFixture<OrdersApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, HttpStatusCode> Matrix() => new()
    {
        // endpoint, caller, expected
        { "GET /api/partner/orders/ready-to-ship", "partner", HttpStatusCode.OK },
        { "GET /api/partner/orders/ready-to-ship", "alice", HttpStatusCode.Forbidden },
        { "GET /api/partner/orders/ready-to-ship", "alice-with-shipping-scope", HttpStatusCode.Forbidden },
        { "GET /api/partner/orders/ready-to-ship", "carol-staff", HttpStatusCode.Forbidden },
        { "GET /api/partner/orders/ready-to-ship", "orders-service-account", HttpStatusCode.Forbidden },
        { "GET /api/partner/orders/ready-to-ship", "unknown-partner", HttpStatusCode.Forbidden },
        { "GET /api/partner/orders/ready-to-ship", "partner-without-shipping-scope", HttpStatusCode.Forbidden },
        { "GET /api/partner/orders/ready-to-ship", "partner-token-for-catalog", HttpStatusCode.Unauthorized },
        { "GET /api/partner/orders/ready-to-ship", "anonymous", HttpStatusCode.Unauthorized },
        // Authorized, and then: there is no such order.
        { "POST /api/partner/orders/{unknown}/shipments", "partner", HttpStatusCode.NotFound },
        { "POST /api/partner/orders/{unknown}/shipments", "alice", HttpStatusCode.Forbidden },
        { "POST /api/partner/orders/{unknown}/shipments", "alice-with-shipping-scope", HttpStatusCode.Forbidden },
        { "POST /api/partner/orders/{unknown}/shipments", "unknown-partner", HttpStatusCode.Forbidden },
        { "POST /api/partner/orders/{unknown}/shipments", "anonymous", HttpStatusCode.Unauthorized },
        // A partner token opens nothing but the partner routes.
        { "GET /api/orders", "partner", HttpStatusCode.Forbidden },
        { "GET /api/orders/{unknown}", "partner", HttpStatusCode.Forbidden },
        { "POST /api/orders/{unknown}/payment", "partner", HttpStatusCode.Forbidden },
        { "GET /api/staff/orders", "partner", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_caller_gets_what_the_partner_rules_allow(string endpoint, string caller, HttpStatusCode expected)
    {
        using var client = OrderTokens.Named(caller) is { } token ? host.As(token) : host.Anonymous();
        var (method, path) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1].Replace("{unknown}", Guid.NewGuid().ToString()));

        using var response = method == "POST"
            ? await client.PostAsJsonAsync(path, new { carrier = "ACME Logistics", trackingNumber = "ACME-1" }, Ct)
            : await client.GetAsync(path, Ct);

        Assert.Equal(expected, response.StatusCode);
        // Refusals say why in problem details, never as a bare status.
        if (expected != HttpStatusCode.OK) await response.AssertProblemDetailsAsync(expected);
    }
}
