using System.Net;
using ShopAuthDemo.Testing;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using Xunit;
using static ShopAuthDemo.Tests.IdentityLocal.Support.TokenRequests;

namespace ShopAuthDemo.Tests.IdentityLocal;

/// <summary>Standard token exchange with Keycloak's rules: orders-api swaps alice's token for one aimed at payments-api.</summary>
public sealed class TokenExchangeTests(LocalIdentityProviderFactory idp) : IClassFixture<LocalIdentityProviderFactory>
{
    private static readonly string OrdersSecret = LocalIdentityProviderFactory.Secrets["ORDERS_API_CLIENT_SECRET"];
    private static readonly string Password = LocalIdentityProviderFactory.Secrets["DEV_USER_PASSWORD"];

    private async Task<string> AliceTokenAsync(string scope = "openid orders")
    {
        var flow = new OidcBrowserFlow(idp.CreateBrowser(), "shop-web", LocalIdentityProviderFactory.ShopWebUrl + "/signin-oidc");
        var tokens = await flow.SignInAsync("alice", Password, LocalIdentityProviderFactory.Secrets["SHOP_WEB_CLIENT_SECRET"], scope);
        return tokens.GetProperty("access_token").GetString()!;
    }

    // The shop may not ask for the catalog scope; the back office may.
    private async Task<string> AliceBackofficeTokenAsync(string scope)
    {
        var flow = new OidcBrowserFlow(idp.CreateBrowser(), "backoffice-web", LocalIdentityProviderFactory.BackofficeWebUrl + "/signin-oidc");
        var tokens = await flow.SignInAsync("alice", Password, LocalIdentityProviderFactory.Secrets["BACKOFFICE_WEB_CLIENT_SECRET"], scope);
        return tokens.GetProperty("access_token").GetString()!;
    }

    private Task<HttpResponseMessage> ExchangeAsync(HttpClient client, string subjectToken, string clientId, string? secret,
        params (string, string)[] extra) =>
        PostAsync(client, [("grant_type", TokenExchangeGrant), ("client_id", clientId),
            .. secret is null ? Array.Empty<(string, string)>() : [("client_secret", secret)],
            ("subject_token", subjectToken), ("subject_token_type", AccessTokenType), .. extra]);

    [Fact]
    public async Task Orders_api_exchanges_alice_token_for_payments_api_token()
    {
        var subject = await AliceTokenAsync();

        var response = await ExchangeAsync(idp.CreateClient(), subject, "orders-api", OrdersSecret,
            ("scope", "payments"), ("audience", "payments-api"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await AccessTokenAsync(response);
        Assert.Equal("4c5a7e2e-5a3b-4b0e-9a51-1f2f6b9f0a01", token.Subject);
        Assert.Equal("alice", token.GetClaim("preferred_username").Value);
        Assert.Equal(["payments-api"], Audiences(token));
        Assert.Equal("orders-api", token.GetClaim("azp").Value);
        Assert.Equal(["customer"], RealmRoles(token));
        Assert.False(token.TryGetClaim("act", out _), "Keycloak's standard exchange adds no act claim");
    }

    [Fact]
    public async Task Audience_only_narrows_the_token()
    {
        var subject = await AliceTokenAsync();

        var response = await ExchangeAsync(idp.CreateClient(), subject, "orders-api", OrdersSecret,
            ("scope", "payments catalog"), ("audience", "catalog-api"));

        var token = await AccessTokenAsync(response);
        Assert.Equal(["catalog-api"], Audiences(token));
    }

    [Fact]
    public async Task Audience_the_requester_cannot_reach_is_refused()
    {
        var subject = await AliceTokenAsync();

        // orders-api's scopes never grant the shop-web audience, so it cannot ask for a token for it.
        var response = await ExchangeAsync(idp.CreateClient(), subject, "orders-api", OrdersSecret, ("audience", "shop-web"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False((await JsonAsync(response)).TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task Requester_outside_the_subject_token_audience_is_refused()
    {
        // A token alice got for catalog-api only: orders-api is neither its audience nor its azp.
        var subject = await AliceBackofficeTokenAsync("openid catalog");

        var response = await ExchangeAsync(idp.CreateClient(), subject, "orders-api", OrdersSecret,
            ("scope", "payments"), ("audience", "payments-api"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False((await JsonAsync(response)).TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task Client_without_token_exchange_enabled_is_refused()
    {
        var subject = await AliceTokenAsync();

        var response = await ExchangeAsync(idp.CreateClient(), subject, "partner-acme",
            LocalIdentityProviderFactory.Secrets["PARTNER_ACME_CLIENT_SECRET"], ("audience", "orders-api"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False((await JsonAsync(response)).TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task Public_client_is_refused_even_with_token_exchange_enabled()
    {
        // A realm variant with a public client that has exchange switched on: Keycloak refuses it anyway.
        var realm = RealmFiles.WriteVariant(r => r["clients"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse("""
            { "clientId": "spa", "publicClient": true, "standardFlowEnabled": false, "directAccessGrantsEnabled": false,
              "attributes": { "standard.token.exchange.enabled": "true" }, "defaultClientScopes": ["basic", "roles"],
              "optionalClientScopes": ["orders"] }
            """)));
        await using var variant = new LocalIdentityProviderFactory("http://127.0.0.1:9", realm);
        var flow = new OidcBrowserFlow(variant.CreateBrowser(), "shop-web", LocalIdentityProviderFactory.ShopWebUrl + "/signin-oidc");
        var subject = (await flow.SignInAsync("alice", Password, LocalIdentityProviderFactory.Secrets["SHOP_WEB_CLIENT_SECRET"]))
            .GetProperty("access_token").GetString()!;

        var response = await ExchangeAsync(variant.CreateClient(), subject, "spa", secret: null, ("audience", "orders-api"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False((await JsonAsync(response)).TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task Forged_subject_token_is_refused()
    {
        var subject = await AliceTokenAsync();
        var forged = subject[..^4] + (subject.EndsWith("AAAA") ? "BBBB" : "AAAA");

        var response = await ExchangeAsync(idp.CreateClient(), forged, "orders-api", OrdersSecret, ("audience", "payments-api"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await JsonAsync(response)).GetProperty("error").GetString());
    }
}
