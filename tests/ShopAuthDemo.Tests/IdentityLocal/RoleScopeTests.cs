using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using ShopAuthDemo.Testing;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using Xunit;
using static ShopAuthDemo.Tests.IdentityLocal.Support.TokenRequests;

namespace ShopAuthDemo.Tests.IdentityLocal;

/// <summary>
/// Least-privilege tokens: no client has fullScopeAllowed, so only the roles in a client's role scope
/// mappings (or its granted client scopes') reach its tokens, as in Keycloak.
/// </summary>
public sealed class RoleScopeTests(LocalIdentityProviderFactory idp) : IClassFixture<LocalIdentityProviderFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string Password = LocalIdentityProviderFactory.Secrets["DEV_USER_PASSWORD"];
    private static readonly string OrdersSecret = LocalIdentityProviderFactory.Secrets["ORDERS_API_CLIENT_SECRET"];

    [Fact]
    public async Task Carols_shop_token_carries_neither_staff_nor_admin()
    {
        var tokens = await RealmClients.SignInAsync(idp, "shop-web", "carol", Password);

        Assert.Empty(RealmRoles(new JsonWebToken(tokens.GetProperty("access_token").GetString())));
        Assert.Empty(RealmRoles(new JsonWebToken(tokens.GetProperty("id_token").GetString())));
    }

    [Fact]
    public async Task Carols_api_explorer_token_carries_no_admin_role()
    {
        var access = await RealmClients.ExplorerAccessTokenAsync(idp, "carol", Password);

        Assert.DoesNotContain("admin", RealmRoles(access));
        Assert.DoesNotContain("staff", RealmRoles(access));
    }

    [Fact]
    public async Task Alices_api_explorer_token_carries_customer_for_her_orders()
    {
        var access = await RealmClients.ExplorerAccessTokenAsync(idp, "alice", Password);

        Assert.Equal(["customer"], RealmRoles(access));
    }

    [Fact]
    public async Task Carols_backoffice_token_carries_staff_and_admin()
    {
        var tokens = await RealmClients.SignInAsync(idp, "backoffice-web", "carol", Password, "openid profile orders catalog");

        var access = new JsonWebToken(tokens.GetProperty("access_token").GetString());
        Assert.Equal(["admin", "staff"], RealmRoles(access).Order());
        Assert.Equal(["catalog-api", "orders-api"], Audiences(access).Order());
    }

    [Fact]
    public async Task Alices_backoffice_token_carries_no_customer_role()
    {
        var tokens = await RealmClients.SignInAsync(idp, "backoffice-web", "alice", Password);

        Assert.Empty(RealmRoles(new JsonWebToken(tokens.GetProperty("access_token").GetString())));
    }

    [Fact]
    public async Task Shop_may_not_ask_for_the_catalog_scope()
    {
        var flow = new OidcBrowserFlow(idp.CreateBrowser(), "shop-web", LocalIdentityProviderFactory.ShopWebUrl + "/signin-oidc");

        var response = await idp.CreateBrowser().GetAsync(flow.AuthorizeUrl("openid orders catalog"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not allowed to use the specified scope", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Exchanged_token_for_payments_api_still_carries_alices_customer_role()
    {
        var exchanged = await ExchangeForPaymentsAsync(idp);

        Assert.Equal(["customer"], RealmRoles(exchanged));
    }

    [Fact]
    public async Task Exchange_requester_without_a_customer_scope_mapping_gets_no_customer_role()
    {
        // Keycloak limits an exchanged token's roles by the requester's scope, not by the subject token's.
        await using var variant = Variant(realm => RemoveScopeMapping(realm, "orders-api"));

        var exchanged = await ExchangeForPaymentsAsync(variant);

        Assert.Empty(RealmRoles(exchanged));
    }

    [Fact]
    public async Task Orders_api_service_account_token_carries_price_quotes_through_its_client_scope_mapping()
    {
        var token = await AccessTokenAsync(await ClientCredentialsAsync(idp.CreateClient(), "orders-api", OrdersSecret, "catalog"));

        Assert.Equal(["price-quotes"], ClientRoles(token, "catalog-api"));
    }

    [Fact]
    public async Task Service_account_without_the_client_scope_mapping_gets_no_price_quotes_role()
    {
        await using var variant = Variant(realm => realm.Remove("clientScopeMappings"));

        var token = await AccessTokenAsync(await ClientCredentialsAsync(variant.CreateClient(), "orders-api", OrdersSecret, "catalog"));

        Assert.Empty(ClientRoles(token, "catalog-api"));
    }

    [Fact]
    public async Task Role_mapped_on_a_client_scope_reaches_only_tokens_that_are_granted_that_scope()
    {
        await using var variant = Variant(realm =>
        {
            RemoveScopeMapping(realm, "shop-web");
            realm["scopeMappings"]!.AsArray().Add(JsonNode.Parse("""{ "clientScope": "orders", "roles": ["customer"] }"""));
        });

        var withOrders = await RealmClients.SignInAsync(variant, "shop-web", "alice", Password, "openid orders");
        var withoutOrders = await RealmClients.SignInAsync(variant, "shop-web", "alice", Password, "openid profile");

        Assert.Equal(["customer"], RealmRoles(new JsonWebToken(withOrders.GetProperty("access_token").GetString())));
        Assert.Empty(RealmRoles(new JsonWebToken(withoutOrders.GetProperty("access_token").GetString())));
    }

    private static async Task<JsonWebToken> ExchangeForPaymentsAsync(LocalIdentityProviderFactory provider)
    {
        var alice = await RealmClients.SignInAsync(provider, "shop-web", "alice", Password, "openid orders");
        var response = await PostAsync(provider.CreateClient(), ("grant_type", TokenExchangeGrant), ("client_id", "orders-api"),
            ("client_secret", OrdersSecret), ("subject_token", alice.GetProperty("access_token").GetString()!),
            ("subject_token_type", AccessTokenType), ("scope", "payments"), ("audience", "payments-api"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await AccessTokenAsync(response);
    }

    private static LocalIdentityProviderFactory Variant(Action<JsonObject> change) =>
        new("http://127.0.0.1:9", RealmFiles.WriteVariant(change));

    private static void RemoveScopeMapping(JsonObject realm, string clientId)
    {
        var mappings = realm["scopeMappings"]!.AsArray();
        mappings.Remove(mappings.Single(m => (string?)m!["client"] == clientId));
    }

    private static IReadOnlyList<string> ClientRoles(JsonWebToken token, string client) =>
        token.TryGetPayloadValue<JsonElement>("resource_access", out var access) && access.TryGetProperty(client, out var roles)
            ? roles.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToList()
            : [];
}
