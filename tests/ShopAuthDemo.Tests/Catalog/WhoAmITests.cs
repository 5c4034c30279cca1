using System.Net;
using System.Text.Json;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Catalog;

public sealed class WhoAmITests(CatalogApiHost catalog) : IClassFixture<CatalogApiHost>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Whoami_reports_sub_azp_aud_scopes_roles()
    {
        var token = TestToken.Admin with { Audiences = ["catalog-api", "orders-api"], Scope = "openid catalog orders" };

        var response = await catalog.As(token).GetAsync("/whoami", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        var body = json.RootElement;
        Assert.Equal(token.Subject, body.GetProperty("sub").GetString());
        Assert.Equal("carol", body.GetProperty("preferred_username").GetString());
        Assert.Equal("backoffice-web", body.GetProperty("azp").GetString());
        Assert.Equal(["catalog-api", "orders-api"], Strings(body.GetProperty("aud")));
        Assert.Equal(["catalog", "openid", "orders"], Strings(body.GetProperty("scopes")));
        Assert.Equal(["admin", "staff"], Strings(body.GetProperty("roles")));
    }

    [Fact]
    public async Task Whoami_without_token_is_401()
    {
        var response = await catalog.Anonymous().GetAsync("/whoami", Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string[] Strings(JsonElement array) =>
        [.. array.EnumerateArray().Select(item => item.GetString()!)];
}
