using System.Net;
using System.Text.Json;
using ShopAuthDemo.Testing;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using Xunit;
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

    [Theory]
    [InlineData("catalog-api", "CATALOG_API_CLIENT_SECRET")]
    [InlineData("orders-api", "ORDERS_API_CLIENT_SECRET")]
    public async Task Rule_readers_get_a_policies_token_for_policy_api(string clientId, string secret)
    {
        var response = await ClientCredentialsAsync(idp.CreateClient(), clientId, Secret(secret), "policies");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await AccessTokenAsync(response);

        Assert.Equal(["policy-api"], Audiences(token));
        Assert.Equal(clientId, token.GetClaim("azp").Value);
        Assert.Contains("policies", token.GetClaim("scope").Value.Split(' '));
        Assert.Empty(RealmRoles(token));
    }

    [Fact]
    public async Task Partner_cannot_ask_for_the_policies_scope()
    {
        var response = await ClientCredentialsAsync(idp.CreateClient(), "partner-acme", Secret("PARTNER_ACME_CLIENT_SECRET"), "policies");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Policy_apis_service_account_token_carries_realm_management_view_users()
    {
        var response = await ClientCredentialsAsync(idp.CreateClient(), "policy-api", Secret("POLICY_API_CLIENT_SECRET"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await AccessTokenAsync(response);

        var roles = token.GetPayloadValue<JsonElement>("resource_access").GetProperty("realm-management").GetProperty("roles")
            .EnumerateArray().Select(r => r.GetString());
        // view-users is composite in Keycloak: the token carries the two query roles it contains as well.
        Assert.Equal(["query-groups", "query-users", "view-users"], roles.Order());
        Assert.Equal("service-account-policy-api", token.GetClaim("preferred_username").Value);
    }

    [Fact]
    public async Task Catalog_apis_service_account_token_carries_no_role()
    {
        var token = await AccessTokenAsync(await ClientCredentialsAsync(idp.CreateClient(), "catalog-api", Secret("CATALOG_API_CLIENT_SECRET")));

        Assert.False(token.TryGetPayloadValue<JsonElement>("resource_access", out _));
        Assert.Empty(RealmRoles(token));
        Assert.Empty(Audiences(token));
    }
}

