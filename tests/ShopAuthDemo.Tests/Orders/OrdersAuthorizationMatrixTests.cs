using System.Net;
using System.Net.Http.Json;
using ShopAuthDemo.Tests.Orders.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Orders;

/// <summary>orders-api enforces its own rules for every caller, whatever the network or a gateway did.</summary>
public sealed class OrdersAuthorizationMatrixTests(OrdersApiHost host) : IClassFixture<OrdersApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, HttpStatusCode> Matrix() => new()
    {
        // endpoint, caller, expected
        { "POST /api/orders", "alice", HttpStatusCode.Created },
        { "POST /api/orders", "alice-without-orders-scope", HttpStatusCode.Forbidden },
        { "POST /api/orders", "carol-staff", HttpStatusCode.Forbidden },
        { "POST /api/orders", "orders-service-account", HttpStatusCode.Forbidden },
        { "POST /api/orders", "partner", HttpStatusCode.Forbidden },
        { "POST /api/orders", "alice-token-for-catalog", HttpStatusCode.Unauthorized },
        { "POST /api/orders", "anonymous", HttpStatusCode.Unauthorized },
        { "GET /api/orders", "alice", HttpStatusCode.OK },
        { "GET /api/orders", "carol-staff", HttpStatusCode.Forbidden },
        { "GET /api/orders", "partner", HttpStatusCode.Forbidden },
        { "GET /api/orders", "orders-service-account", HttpStatusCode.Forbidden },
        { "GET /api/orders", "alice-token-for-catalog", HttpStatusCode.Unauthorized },
        { "GET /api/orders", "anonymous", HttpStatusCode.Unauthorized },
        { "GET /api/staff/orders", "carol-staff", HttpStatusCode.OK },
        { "GET /api/staff/orders", "alice", HttpStatusCode.Forbidden },
        { "GET /api/staff/orders", "partner", HttpStatusCode.Forbidden },
        { "GET /api/staff/orders", "orders-service-account", HttpStatusCode.Forbidden },
        { "GET /api/staff/orders", "alice-token-for-catalog", HttpStatusCode.Unauthorized },
        { "GET /api/staff/orders", "anonymous", HttpStatusCode.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_caller_gets_what_the_rules_allow(string endpoint, string caller, HttpStatusCode expected)
    {
        using var client = OrderTokens.Named(caller) is { } token ? host.As(token) : host.Anonymous();

        using var response = endpoint.StartsWith("POST", StringComparison.Ordinal)
            ? await client.PostAsJsonAsync(endpoint[5..], new { items = new[] { new { productId = 1, quantity = 1 } } }, Ct)
            : await client.GetAsync(endpoint[4..], Ct);

        Assert.Equal(expected, response.StatusCode);
    }
}
