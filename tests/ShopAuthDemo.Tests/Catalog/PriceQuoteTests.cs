using System.Net;
using System.Net.Http.Json;
using System.Text;
using ShopAuthDemo.Catalog.Api.Apis;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Catalog;

public sealed class PriceQuoteTests(CatalogApiHost catalog) : IClassFixture<CatalogApiHost>
{
    private const string Path = "/api/internal/price-quotes";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Quote_prices_each_line_at_the_catalog_price()
    {
        var body = new { items = new[] { new { productId = 1, quantity = 2 }, new { productId = 4, quantity = 3 } } };

        var response = await catalog.As(TestToken.OrdersServiceAccount).PostAsJsonAsync(Path, body, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var quote = await response.Content.ReadFromJsonAsync<PriceQuoteResponse>(Cancellation);
        Assert.NotNull(quote);
        Assert.Equal(
            [new(1, "Espresso beans 1 kg", 24.90m, 2, 49.80m, "Coffee"), new(4, "Paper filters (100)", 4.20m, 3, 12.60m, "Brewing")],
            quote.Lines);
        Assert.Equal(62.40m, quote.Total);
        Assert.InRange(quote.QuotedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Quote_follows_a_price_change()
    {
        await using var own = new CatalogApiHost();
        await own.As(TestToken.Admin).PutAsJsonAsync("/api/products/2/price", new { price = 12.50m }, Cancellation);

        var quote = await QuoteAsync(own, new { items = new[] { new { productId = 2, quantity = 4 } } });

        Assert.Equal(12.50m, quote?.Lines.Single().UnitPrice);
        Assert.Equal(50.00m, quote?.Total);
    }

    [Fact]
    public async Task Fifty_items_of_a_hundred_each_are_quoted()
    {
        var items = Enumerable.Range(0, 50).Select(i => new { productId = i % 6 + 1, quantity = 100 }).ToArray();

        var quote = await QuoteAsync(catalog, new { items });

        Assert.Equal(50, quote?.Lines.Count);
    }

    [Fact]
    public async Task Unknown_product_is_400_naming_the_id()
    {
        var response = await PostRawAsync("""{ "items": [ { "productId": 1, "quantity": 1 }, { "productId": 9999, "quantity": 1 } ] }""");

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.BadRequest);
        Assert.Contains("9999", Assert.Single(problem.Errors["items[1].productId"]));
    }

    [Theory]
    [InlineData("""{ "items": [] }""", "items")]
    [InlineData("""{ "items": null }""", "items")]
    [InlineData("{}", "items")]
    [InlineData("""{ "items": [ { "productId": 1, "quantity": 0 } ] }""", "items[0].quantity")]
    [InlineData("""{ "items": [ { "productId": 1, "quantity": -1 } ] }""", "items[0].quantity")]
    [InlineData("""{ "items": [ { "productId": 1, "quantity": 1 }, { "productId": 1, "quantity": 101 } ] }""", "items[1].quantity")]
    [InlineData("""{ "items": [ { "productId": 1 } ] }""", "items[0].quantity")]
    [InlineData("""{ "items": [ null ] }""", "items[0]")]
    public async Task Invalid_quote_request_is_400_validation_problem(string body, string field)
    {
        var response = await PostRawAsync(body);

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.Errors.ContainsKey(field), string.Join(", ", problem.Errors.Keys));
    }

    [Fact]
    public async Task More_than_fifty_items_is_400()
    {
        var items = Enumerable.Range(0, 51).Select(_ => new { productId = 1, quantity = 1 }).ToArray();

        var response = await catalog.As(TestToken.OrdersServiceAccount).PostAsJsonAsync(Path, new { items }, Cancellation);

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.Errors.ContainsKey("items"));
    }

    [Theory]
    [InlineData("""{ "items": """)]
    [InlineData("""{ "items": "many" }""")]
    [InlineData("""{ "items": [ { "productId": "one", "quantity": 1 } ] }""")]
    [InlineData("""{ "items": [ { "productId": 1, "quantity": 1e40 } ] }""")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("")]
    public async Task Malformed_quote_body_is_400_problem_details_not_500(string body)
    {
        var response = await PostRawAsync(body);

        await response.AssertProblemDetailsAsync(HttpStatusCode.BadRequest);
    }

    private static async Task<PriceQuoteResponse?> QuoteAsync(CatalogApiHost host, object body)
    {
        var response = await host.As(TestToken.OrdersServiceAccount).PostAsJsonAsync(Path, body, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<PriceQuoteResponse>(Cancellation);
    }

    private Task<HttpResponseMessage> PostRawAsync(string json) =>
        catalog.As(TestToken.OrdersServiceAccount).PostAsync(Path, new StringContent(json, Encoding.UTF8, "application/json"), Cancellation);
}
