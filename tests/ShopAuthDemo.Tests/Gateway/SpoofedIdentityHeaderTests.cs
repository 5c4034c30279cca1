using System.Net;
using ShopAuthDemo.Tests.Gateway.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Gateway;

/// <summary>A caller cannot claim to be someone by sending a header: only the token reaches the service.</summary>
public sealed class SpoofedIdentityHeaderTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] SpoofedHeaders =
    [
        "X-User-Id", "X-Forwarded-User", "X-User", "X-Remote-User", "X-Authenticated-User", "X-Client-Id",
        "X-Auth-Request-User", "Remote-User", "X-MS-CLIENT-PRINCIPAL-NAME",
    ];

    private async Task<ForwardedRequest> SendSpoofedAsync(HttpClient client, string path)
    {
        var before = gateway.Services.ToServices.Count();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var header in SpoofedHeaders) request.Headers.TryAddWithoutValidation(header, "alice");
        request.Headers.TryAddWithoutValidation("X-Request-Id", "kept-4711");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single(gateway.Services.ToServices.Skip(before));
    }

    [Fact]
    public async Task Spoofed_identity_headers_from_a_partner_never_reach_orders_api()
    {
        var forwarded = await SendSpoofedAsync(gateway.As(GatewayCallers.Partner), "/partner/orders/ready-to-ship");

        Assert.All(SpoofedHeaders, header => Assert.False(forwarded.Headers.ContainsKey(header), $"{header} reached orders-api"));
        // Only the identity headers go: the token and ordinary headers are forwarded as they came.
        Assert.StartsWith("Bearer ", forwarded.Headers["Authorization"]);
        Assert.Equal("kept-4711", forwarded.Headers["X-Request-Id"]);
    }

    [Fact]
    public async Task Spoofed_identity_headers_on_anonymous_routes_never_reach_catalog_api()
    {
        var forwarded = await SendSpoofedAsync(gateway.Anonymous(), "/catalog/products");

        Assert.All(SpoofedHeaders, header => Assert.False(forwarded.Headers.ContainsKey(header), $"{header} reached catalog-api"));
    }
}
