using System.Net;
using System.Net.Http.Json;
using ShopAuthDemo.Catalog.Api.Apis;
using ShopAuthDemo.Tests.MutualTls.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.MutualTls;

// An internal service keeps a plain http port for the AppHost's health probe, which has no certificate; that
// port must be no way around the client certificate, so it answers health checks and nothing else.
public sealed class PlainHttpServesHealthOnlyTests(CatalogApiWithMutualTls catalog) : IClassFixture<CatalogApiWithMutualTls>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Health_checks_answer_over_plain_http(string path)
    {
        var response = await catalog.PlainHttp().GetAsync(path, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Theory]
    [InlineData("/whoami")]
    [InlineData("/api/products")]
    [InlineData("/api/products/1")]
    public async Task Anything_else_over_plain_http_is_404_health_checks_only(string path)
    {
        var client = catalog.PlainHttp().WithBearer(catalog.Api.Tokens.CreateToken(TestToken.Customer));

        var response = await client.GetAsync(path, Cancellation);

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.NotFound);
        Assert.Equal("Health checks only", problem.Title);
    }

    [Fact]
    public async Task Over_https_the_api_answers_as_usual()
    {
        using var orders = catalog.Certificates.For("orders-api");

        var products = await catalog.Https(orders).GetFromJsonAsync<List<ProductResponse>>("/api/products", Cancellation);

        Assert.NotNull(products);
        Assert.NotEmpty(products);
    }

    [Fact]
    public async Task A_connection_whose_certificate_expired_since_its_handshake_is_refused()
    {
        // The handshake checked the certificate when the connection opened; a pooled connection can outlive it.
        using var expired = catalog.Certificates.Expired("orders-api");

        var response = await catalog.Https(expired).GetAsync("/api/products", Cancellation);

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Client certificate expired", problem.Title);
    }
}
