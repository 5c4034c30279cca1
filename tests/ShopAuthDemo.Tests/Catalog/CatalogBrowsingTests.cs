using System.Net;
using System.Net.Http.Json;
using ShopAuthDemo.Catalog.Api.Apis;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Catalog;

public sealed class CatalogBrowsingTests(CatalogApiHost catalog) : IClassFixture<CatalogApiHost>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Products_are_listed_anonymously()
    {
        var products = await catalog.Anonymous().GetFromJsonAsync<List<ProductResponse>>("/api/products", Cancellation);

        Assert.NotNull(products);
        Assert.Equal(6, products.Count);
        Assert.All(products, product => Assert.True(product.Price > 0));
    }

    [Fact]
    public async Task A_product_is_read_anonymously()
    {
        var product = await catalog.Anonymous().GetFromJsonAsync<ProductResponse>("/api/products/1", Cancellation);

        Assert.Equal(1, product?.Id);
        Assert.False(string.IsNullOrEmpty(product?.Name));
    }

    [Fact]
    public async Task Missing_product_is_404_problem_details()
    {
        var response = await catalog.Anonymous().GetAsync("/api/products/9999", Cancellation);

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.NotFound);
        Assert.Contains("9999", problem.Detail);
    }

    [Fact]
    public async Task Health_endpoints_answer_without_detail()
    {
        var client = catalog.Anonymous();

        foreach (var path in new[] { "/health", "/alive" })
        {
            var response = await client.GetAsync(path, Cancellation);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Cancellation));
        }
    }
}
