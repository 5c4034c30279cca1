using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Catalog.Api.Apis;
using ShopAuthDemo.Catalog.Api.Infrastructure;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Catalog;

public sealed class PriceChangeTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admin_changes_price_and_it_survives_restart()
    {
        await using var catalog = new CatalogApiHost();

        var response = await catalog.As(TestToken.Admin).PutAsJsonAsync("/api/products/2/price", new { price = 12.50m }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(12.50m, (await response.Content.ReadFromJsonAsync<ProductResponse>(Cancellation))?.Price);

        await catalog.RestartAsync();

        var products = await catalog.Anonymous().GetFromJsonAsync<List<ProductResponse>>("/api/products", Cancellation);
        Assert.Equal(12.50m, products?.Single(p => p.Id == 2).Price);
        Assert.Equal(6, products?.Count);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1000000")]
    [InlineData("12.345")]
    public async Task Invalid_price_is_400_problem_details(string price)
    {
        await using var catalog = new CatalogApiHost();

        var response = await PutRawAsync(catalog.As(TestToken.Admin), "/api/products/1/price", $$"""{ "price": {{price}} }""");

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.Errors.ContainsKey("price"));
    }

    [Theory]
    [InlineData("{ \"price\": ")]
    [InlineData("{ \"price\": \"cheap\" }")]
    [InlineData("[]")]
    public async Task Malformed_json_body_is_400_problem_details_not_500(string body)
    {
        await using var catalog = new CatalogApiHost();

        var response = await PutRawAsync(catalog.As(TestToken.Admin), "/api/products/1/price", body);

        await response.AssertProblemDetailsAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Price_change_for_missing_product_is_404()
    {
        await using var catalog = new CatalogApiHost();

        var response = await catalog.As(TestToken.Admin).PutAsJsonAsync("/api/products/9999/price", new { price = 5m }, Cancellation);

        await response.AssertProblemDetailsAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Prices_sort_as_numbers_in_the_database()
    {
        await using var catalog = new CatalogApiHost();
        var admin = catalog.As(TestToken.Admin);
        await admin.PutAsJsonAsync("/api/products/1/price", new { price = 9.00m }, Cancellation);
        await admin.PutAsJsonAsync("/api/products/2/price", new { price = 10.00m }, Cancellation);

        await using var scope = catalog.Factory.Services.CreateAsyncScope();
        var ids = await scope.ServiceProvider.GetRequiredService<CatalogContext>().Products
            .Where(p => p.Id == 1 || p.Id == 2)
            .OrderBy(p => p.Price)
            .Select(p => p.Id)
            .ToListAsync(Cancellation);

        // Stored as text, "10.00" would sort before "9.00".
        Assert.Equal([1, 2], ids);
    }

    private static Task<HttpResponseMessage> PutRawAsync(HttpClient client, string path, string json) =>
        client.PutAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Cancellation);
}
