using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Catalog.Api.Apis;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Catalog;

public sealed class PriceChangeAuthorizationTests(CatalogApiHost catalog) : IClassFixture<CatalogApiHost>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Price_change_without_token_is_401()
    {
        var response = await catalog.Anonymous().PutAsJsonAsync("/api/products/1/price", new { price = 1.00m }, Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
        await AssertPriceUnchangedAsync(catalog, 1);
    }

    [Fact]
    public async Task Customer_cannot_change_price_403()
    {
        var response = await catalog.As(TestToken.Customer).PutAsJsonAsync("/api/products/1/price", new { price = 1.00m }, Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertPriceUnchangedAsync(catalog, 1);
    }

    [Fact]
    public async Task Admin_token_for_another_audience_cannot_change_price()
    {
        var forOrders = TestToken.Admin with { Audiences = ["orders-api"] };

        var response = await catalog.As(forOrders).PutAsJsonAsync("/api/products/1/price", new { price = 1.00m }, Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertPriceUnchangedAsync(catalog, 1);
    }

    [Fact]
    public async Task Admin_policy_checks_audience_even_if_bearer_validation_is_loosened()
    {
        // Simulates a later mistake: the bearer handler also accepting orders-api tokens.
        await using var loosened = CatalogApiHost.WithServices(services =>
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
                options.TokenValidationParameters.ValidAudiences = ["orders-api"]));
        var forOrders = TestToken.Admin with { Audiences = ["orders-api"] };

        var response = await loosened.As(forOrders).PutAsJsonAsync("/api/products/1/price", new { price = 1.00m }, Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertPriceUnchangedAsync(loosened, 1);
    }

    [Fact]
    public async Task Admin_role_outside_realm_access_object_grants_nothing()
    {
        var oddToken = TestToken.Admin with { RealmAccessOverride = "admin" };

        var response = await catalog.As(oddToken).PutAsJsonAsync("/api/products/1/price", new { price = 1.00m }, Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task AssertPriceUnchangedAsync(CatalogApiHost host, int id)
    {
        var product = await host.Anonymous().GetFromJsonAsync<ProductResponse>($"/api/products/{id}", Cancellation);
        Assert.NotEqual(1.00m, product?.Price);
    }
}
