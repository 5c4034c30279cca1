using System.Net;
using System.Text.Json;
using ShopAuthDemo.Tests.Orders.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Orders;

/// <summary>orders-api describes its routes; the gateway publishes the external ones from this document.</summary>
public sealed class OrdersOpenApiTests(OrdersApiHost host) : IClassFixture<OrdersApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenApi_document_describes_the_customer_and_partner_routes()
    {
        using var response = await host.Anonymous().GetAsync("/openapi/v1.json", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement
            .GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();
        Assert.Contains("/api/partner/orders/ready-to-ship", paths);
        Assert.Contains("/api/partner/orders/{id}/shipments", paths);
        Assert.Contains(paths, path => path.TrimEnd('/') == "/api/orders");
    }
}
