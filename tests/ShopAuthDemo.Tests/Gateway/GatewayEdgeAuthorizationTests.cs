using System.Net;
using System.Net.Http.Json;
using ShopAuthDemo.Tests.Gateway.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Gateway;

/// <summary>What the edge lets through to the services, and what it turns away before they see it.</summary>
public sealed class GatewayEdgeAuthorizationTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ForwardedRequest[] ForwardedSince(int before) => [.. gateway.Services.ToServices.Skip(before)];

    [Fact]
    public async Task Partner_token_reaches_the_partner_routes_of_orders_api()
    {
        var before = gateway.Services.ToServices.Count();

        using var response = await gateway.As(GatewayCallers.Partner).GetAsync("/partner/orders/ready-to-ship", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("GET orders-api/api/partner/orders/ready-to-ship", Assert.Single(ForwardedSince(before)).ToString());
    }

    [Fact]
    public async Task Partner_shipment_is_forwarded_with_its_body()
    {
        var before = gateway.Services.ToServices.Count();
        var orderId = Guid.NewGuid();

        using var response = await gateway.As(GatewayCallers.Partner).PostAsJsonAsync($"/partner/orders/{orderId}/shipments",
            new { carrier = "ACME Logistics", trackingNumber = "ACME-1" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var forwarded = Assert.Single(ForwardedSince(before));
        Assert.Equal($"POST orders-api/api/partner/orders/{orderId}/shipments", forwarded.ToString());
        Assert.Contains("ACME-1", forwarded.Body);
    }

    [Fact]
    public async Task Customer_token_is_refused_on_partner_routes_at_the_edge()
    {
        var before = gateway.Services.ToServices.Count();

        using var response = await gateway.As(GatewayCallers.Alice).GetAsync("/partner/orders/ready-to-ship", Ct);

        await response.AssertProblemDetailsAsync(HttpStatusCode.Forbidden);
        Assert.Empty(ForwardedSince(before));
    }

    [Theory]
    [InlineData("/partner/orders/ready-to-ship")]
    [InlineData("/orders")]
    [InlineData("/orders/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    public async Task No_token_is_401_at_the_gateway(string path)
    {
        var before = gateway.Services.ToServices.Count();

        using var response = await gateway.Anonymous().GetAsync(path, Ct);

        await response.AssertProblemDetailsAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Bearer");
        Assert.Empty(ForwardedSince(before));
    }

    [Fact]
    public async Task Expired_token_is_401_at_the_gateway()
    {
        var expired = GatewayCallers.Partner with { IssuedAt = DateTimeOffset.UtcNow.AddMinutes(-10) };

        using var response = await gateway.As(expired).GetAsync("/partner/orders/ready-to-ship", Ct);

        await response.AssertProblemDetailsAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_for_an_api_the_gateway_does_not_front_is_401()
    {
        using var response = await gateway.As(GatewayCallers.AliceForPayments).GetAsync("/orders", Ct);

        await response.AssertProblemDetailsAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_for_the_catalog_is_refused_on_the_order_routes()
    {
        using var response = await gateway.As(GatewayCallers.AliceForCatalog).GetAsync("/orders", Ct);

        await response.AssertProblemDetailsAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Customer_token_reaches_the_order_routes_where_orders_api_decides()
    {
        var before = gateway.Services.ToServices.Count();

        using var response = await gateway.As(GatewayCallers.Alice).GetAsync("/orders?page=1", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("GET orders-api/api/orders?page=1", Assert.Single(ForwardedSince(before)).ToString());
    }

    [Fact]
    public async Task Products_can_be_browsed_without_a_token()
    {
        var before = gateway.Services.ToServices.Count();

        using var response = await gateway.Anonymous().GetAsync("/catalog/products/2", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("GET catalog-api/api/products/2", Assert.Single(ForwardedSince(before)).ToString());
    }

    [Theory]
    [InlineData("PUT", "/catalog/products/2/price")]
    [InlineData("POST", "/catalog/products")]
    [InlineData("DELETE", "/catalog/products/2")]
    [InlineData("PATCH", "/catalog/products/2")]
    public async Task The_catalog_is_published_read_only_and_a_price_change_never_reaches_catalog_api(string method, string path)
    {
        var before = gateway.Services.ToServices.Count();
        // Even an admin's token: price changes are made inside (the back office), never through the edge.
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { price = 0.01m }) };

        using var response = await gateway.As(GatewayCallers.AdminForCatalog).SendAsync(request, Ct);

        await response.AssertProblemDetailsAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Empty(ForwardedSince(before));
    }

    [Fact]
    public async Task Products_can_be_read_with_HEAD()
    {
        var before = gateway.Services.ToServices.Count();

        using var response = await gateway.Anonymous().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/catalog/products/2"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("HEAD catalog-api/api/products/2", Assert.Single(ForwardedSince(before)).ToString());
    }

    [Theory]
    [InlineData("/catalog/internal/price-quotes")]
    [InlineData("/api/orders")]
    [InlineData("/api/staff/orders")]
    [InlineData("/whoami")]
    public async Task Routes_the_gateway_does_not_publish_are_404_and_never_forwarded(string path)
    {
        var before = gateway.Services.ToServices.Count();

        using var response = await gateway.As(GatewayCallers.Partner).PostAsync(path, null, Ct);

        await response.AssertProblemDetailsAsync(HttpStatusCode.NotFound);
        Assert.Empty(ForwardedSince(before));
    }

    [Fact]
    public async Task The_same_authorization_header_is_forwarded_so_the_service_decides_again()
    {
        var token = gateway.Tokens.CreateToken(GatewayCallers.Partner);
        using var client = gateway.Anonymous().WithBearer(token);
        var before = gateway.Services.ToServices.Count();

        using var response = await client.GetAsync("/partner/orders/ready-to-ship", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Bearer {token}", Assert.Single(ForwardedSince(before)).Headers["Authorization"]);
    }
}
