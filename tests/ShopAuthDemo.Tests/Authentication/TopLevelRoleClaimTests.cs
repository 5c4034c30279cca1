using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ShopAuthDemo.ServiceDefaults.Authentication;
using ShopAuthDemo.Tests.Authentication.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Authentication;

/// <summary>
/// Roles come only from realm_access.roles. A signed token whose top-level "role" says admin (a custom
/// mapper, a user attribute the user can edit) is still only a customer.
/// </summary>
public sealed class TopLevelRoleClaimTests(CatalogApiHost catalog) : IClassFixture<CatalogApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, JsonNode> SelfMadeAdmins => new()
    {
        { "role", JsonValue.Create("admin") },
        { "role", new JsonArray("admin", "staff") },
        { "roles", new JsonArray("admin") },
        // Even a mapper that happens to emit our own role claim type grants nothing.
        { KeycloakClaimTypes.Role, JsonValue.Create("admin") },
    };

    private HttpClient WithClaim(string name, JsonNode value) =>
        catalog.Anonymous().WithBearer(catalog.Tokens.CreateToken(TestToken.Customer, new Dictionary<string, JsonNode> { [name] = value }));

    [Theory]
    [MemberData(nameof(SelfMadeAdmins))]
    public async Task A_top_level_role_claim_does_not_make_a_customer_an_admin(string name, JsonNode value)
    {
        using var client = WithClaim(name, value);

        // Twice: the second request is answered from the validated-token cache, which copies the identity.
        foreach (var attempt in new[] { 1, 2 })
        {
            using var response = await client.PutAsJsonAsync("/api/products/1/price", new { price = 1.00m }, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"attempt {attempt}: {response.StatusCode}");
        }
        var product = await catalog.Anonymous().GetFromJsonAsync<JsonObject>("/api/products/1", Ct);
        Assert.NotEqual(1.00m, product!["price"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Whoami_lists_only_the_realm_roles()
    {
        using var client = WithClaim("role", JsonValue.Create("admin"));

        var whoami = await client.GetFromJsonAsync<WhoAmIResponse>("/whoami", Ct);

        Assert.Equal(["customer"], whoami!.Roles);
    }

    [Fact]
    public async Task The_realm_admin_role_still_counts()
    {
        using var client = catalog.Anonymous().WithBearer(catalog.Tokens.CreateToken(TestToken.Admin, new Dictionary<string, JsonNode>()));

        using var response = await client.PutAsJsonAsync("/api/products/3/price", new { price = 7.25m }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
