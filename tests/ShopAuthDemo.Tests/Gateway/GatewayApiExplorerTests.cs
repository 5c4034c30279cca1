using System.Net;
using System.Text.Json;
using ShopAuthDemo.Tests.Gateway.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Gateway;

/// <summary>The try-it-yourself docs show exactly what the gateway publishes, under the paths callers use.</summary>
public sealed class GatewayApiExplorerTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await gateway.Anonymous().GetAsync("/openapi/gateway.json", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    [Fact]
    public async Task Document_lists_the_published_routes_under_their_gateway_paths()
    {
        var paths = (await DocumentAsync()).GetProperty("paths").EnumerateObject().Select(path => path.Name);

        // Internal price quotes, price changes, staff orders and /whoami stay inside: not published, not documented.
        Assert.Equal(
            new[] { "/catalog/products", "/catalog/products/{id}", "/orders", "/orders/{id}",
                "/partner/orders/ready-to-ship", "/partner/orders/{id}/shipments" }.Order(StringComparer.Ordinal),
            paths.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Partner_routes_ask_for_the_shipping_scope_and_tokens_come_through_the_gateway()
    {
        var document = await DocumentAsync();

        var security = document.GetProperty("paths").GetProperty("/partner/orders/ready-to-ship").GetProperty("get").GetProperty("security");
        Assert.Equal("shipping", security[0].GetProperty("oauth2")[0].GetString());
        var flows = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2").GetProperty("flows");
        Assert.Equal(GatewayHost.PublicUrl + "/identity/token", flows.GetProperty("clientCredentials").GetProperty("tokenUrl").GetString());
        Assert.Equal(GatewayHost.PublicUrl, document.GetProperty("servers")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Document_offers_only_reads_of_the_catalog()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");

        Assert.False(paths.TryGetProperty("/catalog/products/{id}/price", out _));
        Assert.All(new[] { "/catalog/products", "/catalog/products/{id}" }, path =>
            Assert.Equal(["get"], paths.GetProperty(path).EnumerateObject().Select(operation => operation.Name)));
    }

    [Fact]
    public async Task Anonymous_routes_need_no_token_in_the_document()
    {
        var products = (await DocumentAsync()).GetProperty("paths").GetProperty("/catalog/products").GetProperty("get");

        Assert.False(products.TryGetProperty("security", out _));
    }

    [Fact]
    public async Task Scalar_page_is_served_without_a_token()
    {
        using var response = await gateway.Anonymous().GetAsync("/scalar/", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.ToString());
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("openapi/gateway.json", page);
        Assert.Contains("partner-acme", page);
    }

    [Fact]
    public async Task Scalar_page_declares_its_icon_so_the_browser_asks_for_no_favicon()
    {
        var page = await gateway.Anonymous().GetStringAsync("/scalar/", Ct);

        var head = page[..page.IndexOf("</head>", StringComparison.Ordinal)];
        Assert.Contains("""<link rel="icon" href="data:,">""", head);
    }
}
