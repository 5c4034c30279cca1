using Xunit;
using System.Net;
using System.Text.Json;
using ShopAuthDemo.Testing;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using static ShopAuthDemo.Tests.IdentityLocal.Support.TokenRequests;

namespace ShopAuthDemo.Tests.IdentityLocal;

public sealed class ClientCredentialsTests(LocalIdentityProviderFactory idp) : IClassFixture<LocalIdentityProviderFactory>
{
    private static string Secret(string name) => LocalIdentityProviderFactory.Secrets[name];

    [Fact]
    public async Task Service_account_token_has_audience_from_requested_scope_azp_and_client_roles()
    {
        var response = await ClientCredentialsAsync(idp.CreateClient(), "orders-api", Secret("ORDERS_API_CLIENT_SECRET"), "catalog");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await AccessTokenAsync(response);

        Assert.Equal("RS256", token.Alg);
        Assert.Equal(LocalIdentityProviderFactory.Issuer, token.Issuer);
        Assert.Equal(["catalog-api"], Audiences(token));
        Assert.Equal("orders-api", token.GetClaim("azp").Value);
        Assert.Equal("Bearer", token.GetClaim("typ").Value);
        Assert.Equal("service-account-orders-api", token.GetClaim("preferred_username").Value);
        Assert.Contains("catalog", token.GetClaim("scope").Value.Split(' '));
        var resourceAccess = token.GetPayloadValue<JsonElement>("resource_access");
        Assert.Equal(["price-quotes"], resourceAccess.GetProperty("catalog-api").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.False(token.TryGetClaim("sid", out _), "a service account has no SSO session");
    }

    [Fact]
    public async Task Optional_scope_not_requested_adds_no_audience()
    {
        var token = await AccessTokenAsync(await ClientCredentialsAsync(idp.CreateClient(), "orders-api", Secret("ORDERS_API_CLIENT_SECRET")));

        Assert.Empty(Audiences(token));
    }

    [Fact]
    public async Task Partner_gets_shipping_scope_for_orders_api_by_default()
    {
        var token = await AccessTokenAsync(await ClientCredentialsAsync(idp.CreateClient(), "partner-acme", Secret("PARTNER_ACME_CLIENT_SECRET")));

        Assert.Equal(["orders-api"], Audiences(token));
        Assert.Equal("partner-acme", token.GetClaim("azp").Value);
        Assert.Contains("shipping", token.GetClaim("scope").Value.Split(' '));
        Assert.Empty(RealmRoles(token));
    }

    [Fact]
    public async Task Wrong_secret_is_401_invalid_client()
    {
        var response = await ClientCredentialsAsync(idp.CreateClient(), "orders-api", "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Scope_the_client_may_not_have_is_refused()
    {
        var response = await ClientCredentialsAsync(idp.CreateClient(), "partner-acme", Secret("PARTNER_ACME_CLIENT_SECRET"), "payments");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False((await JsonAsync(response)).TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task Web_client_without_service_account_cannot_use_client_credentials()
    {
        var response = await ClientCredentialsAsync(idp.CreateClient(), "shop-web", Secret("SHOP_WEB_CLIENT_SECRET"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unauthorized_client", (await JsonAsync(response)).GetProperty("error").GetString());
    }
}
