using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using ShopAuthDemo.Tests.KeyRotation.Support;
using Xunit;

namespace ShopAuthDemo.Tests.IdentityLocal;

/// <summary>
/// catalog-api's price change, unchanged, meets carol's real tokens from Identity.Local (the realm file's
/// clients and scope mappings): only the back office's token changes prices.
/// </summary>
public sealed class PriceChangeWithRealmTokensTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string Password = LocalIdentityProviderFactory.Secrets["DEV_USER_PASSWORD"];

    [Fact]
    public async Task Carols_backoffice_token_changes_a_price()
    {
        await using var idp = new LocalIdentityProviderFactory();
        await using var catalog = new CatalogApiTrustingIdentityLocal(new MetadataRequestCounter(idp.Server.CreateHandler()));
        var tokens = await RealmClients.SignInAsync(idp, "backoffice-web", "carol", Password, "openid orders catalog");

        var response = await ChangePriceAsync(catalog, tokens.GetProperty("access_token").GetString()!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Carols_shop_token_is_not_for_the_catalog_at_all()
    {
        await using var idp = new LocalIdentityProviderFactory();
        await using var catalog = new CatalogApiTrustingIdentityLocal(new MetadataRequestCounter(idp.Server.CreateHandler()));
        var tokens = await RealmClients.SignInAsync(idp, "shop-web", "carol", Password);

        var response = await ChangePriceAsync(catalog, tokens.GetProperty("access_token").GetString()!);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Carols_shop_token_is_403_even_where_the_shop_may_ask_for_the_catalog_scope()
    {
        // The realm as it was, scope-wise: the shop could ask for "catalog". The role scope alone now keeps
        // admin out of the shop's token, so catalog-api's admin policy refuses it.
        await using var idp = new LocalIdentityProviderFactory("http://127.0.0.1:9", RealmFiles.WriteVariant(realm =>
            ShopWeb(realm)["optionalClientScopes"] = new JsonArray("orders", "catalog")));
        await using var catalog = new CatalogApiTrustingIdentityLocal(new MetadataRequestCounter(idp.Server.CreateHandler()));
        var tokens = await RealmClients.SignInAsync(idp, "shop-web", "carol", Password, "openid orders catalog");

        var response = await ChangePriceAsync(catalog, tokens.GetProperty("access_token").GetString()!);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Carols_api_explorer_token_is_403_even_where_the_explorer_may_ask_for_the_catalog_scope()
    {
        await using var idp = new LocalIdentityProviderFactory("http://127.0.0.1:9", RealmFiles.WriteVariant(realm =>
            Client(realm, "api-explorer")["optionalClientScopes"] = new JsonArray("orders", "catalog")));
        await using var catalog = new CatalogApiTrustingIdentityLocal(new MetadataRequestCounter(idp.Server.CreateHandler()));
        var access = await RealmClients.ExplorerAccessTokenAsync(idp, "carol", Password, "openid orders catalog");

        var response = await ChangePriceAsync(catalog, access.EncodedToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> ChangePriceAsync(CatalogApiTrustingIdentityLocal catalog, string accessToken)
    {
        var client = catalog.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await client.PutAsJsonAsync("/api/products/1/price", new { price = 12.50m }, Ct);
    }

    private static JsonObject ShopWeb(JsonObject realm) => Client(realm, "shop-web");

    private static JsonObject Client(JsonObject realm, string clientId) =>
        realm["clients"]!.AsArray().Select(c => c!.AsObject()).Single(c => (string?)c["clientId"] == clientId);
}
