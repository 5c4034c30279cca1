using ShopAuthDemo.Identity.Local.Realm;
using ShopAuthDemo.Testing;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Realm;

/// <summary>The realm file holds everything the design needs, read the way Identity.Local reads it.</summary>
public sealed class ShopRealmDesignTests
{
    private static readonly LocalRealm Realm = RealmFile.Load(RealmFiles.Shop, RealmFiles.TestValue);

    private static RealmClient Client(string id) => Realm.FindClient(id) ?? throw new Xunit.Sdk.XunitException($"no client {id}");

    private static IEnumerable<string> AudiencesOf(string scope) =>
        Realm.GetScope(scope).Mappers.Where(m => m.Type == SupportedMappers.Audience && m.InAccessToken)
            .Select(m => m.Config["included.client.audience"]);

    [Theory]
    [InlineData("alice", new[] { "customer" })]
    [InlineData("bob", new[] { "customer" })]
    [InlineData("carol", new[] { "admin", "staff" })]
    public void Dev_users_exist_enabled_with_their_roles_and_a_password(string username, string[] roles)
    {
        var user = Realm.FindPerson(username);

        Assert.NotNull(user);
        Assert.True(user.Enabled);
        Assert.Equal(roles, user.RealmRoles.Order());
        Assert.Equal("value-of-DEV_USER_PASSWORD", user.Password);
    }

    [Theory]
    [InlineData("catalog", "catalog-api")]
    [InlineData("orders", "orders-api")]
    [InlineData("payments", "payments-api")]
    [InlineData("shipping", "orders-api")]
    [InlineData("policies", "policy-api")]
    public void Api_scopes_put_their_audience_in_access_tokens(string scope, string audience) =>
        Assert.Equal([audience], AudiencesOf(scope));

    [Fact]
    public void Built_in_basic_scope_is_kept_so_tokens_carry_sub()
    {
        Assert.Contains(Realm.GetScope("basic").Mappers, m => m.Type == SupportedMappers.Subject && m.InAccessToken);
        Assert.All(Realm.Clients.Where(c => !c.BearerOnly), c => Assert.Contains("basic", c.DefaultScopes));
    }

    [Fact]
    public void Roles_scope_maps_realm_roles_to_realm_access_in_access_and_id_tokens()
    {
        var mapper = Assert.Single(Realm.GetScope("roles").Mappers, m => m.Type == SupportedMappers.RealmRoles);
        Assert.Equal("realm_access.roles", mapper.Config["claim.name"]);
        Assert.True(mapper.InAccessToken);
        // The web apps read the user's roles from the ID token they receive at sign-in.
        Assert.True(mapper.InIdToken);
    }

    [Theory]
    [InlineData("shop-web")]
    [InlineData("backoffice-web")]
    public void Web_clients_access_token_lifespan_is_set_by_the_apphost(string clientId) =>
        Assert.Equal(TimeSpan.FromSeconds(300), Client(clientId).AccessTokenLifespan);

    [Theory]
    [InlineData("shop-web", "SHOP_WEB")]
    [InlineData("backoffice-web", "BACKOFFICE_WEB")]
    public void Web_clients_are_confidential_code_flow_with_pkce_s256_and_back_channel_logout(string clientId, string prefix)
    {
        var client = Client(clientId);

        Assert.False(client.IsPublic);
        Assert.True(client.StandardFlowEnabled);
        Assert.False(client.ServiceAccountsEnabled);
        Assert.True(client.RequirePkceS256);
        Assert.Equal($"value-of-{prefix}_CLIENT_SECRET", client.Secret);
        var url = RealmFiles.TestValue($"{prefix}_URL");
        Assert.Equal([url + "/signin-oidc"], client.RedirectUris);
        Assert.Equal(RealmFiles.TestValue($"{prefix}_BACKCHANNEL_URL") + "/backchannel-logout", client.BackchannelLogoutUrl);
        Assert.Equal([url + "/signout-callback-oidc"], client.PostLogoutRedirectUris);
    }

    [Fact]
    public void No_client_gets_every_role_of_the_user()
    {
        // fullScopeAllowed would put all of carol's roles (admin too) in the shop's and the explorer's tokens.
        Assert.All(Realm.Clients, c => Assert.False(c.FullScopeAllowed, $"{c.ClientId} has fullScopeAllowed"));
        Assert.All(Realm.Scopes, s => Assert.Empty(s.RoleScope.RealmRoles));
    }

    [Theory]
    [InlineData("shop-web", new[] { "customer" })]
    [InlineData("api-explorer", new[] { "customer" })]
    [InlineData("backoffice-web", new[] { "admin", "staff" })]
    // Token exchange limits roles by the requester's scope: payments-api checks "customer" on alice's exchanged token.
    [InlineData("orders-api", new[] { "customer" })]
    [InlineData("partner-acme", new string[0])]
    [InlineData("catalog-api", new string[0])]
    [InlineData("policy-api", new string[0])]
    public void Each_client_may_carry_only_the_realm_roles_its_apis_check(string clientId, string[] roles) =>
        Assert.Equal(roles, Client(clientId).RoleScope.RealmRoles.Order());

    [Fact]
    public void Only_orders_api_may_carry_the_price_quotes_client_role()
    {
        var holders = Realm.Clients.Where(c => c.RoleScope.AllowsClientRole("catalog-api", "price-quotes")).Select(c => c.ClientId);
        // catalog-api's own role is in its own scope (Keycloak's rule), but its service account does not hold it.
        Assert.Equal(["catalog-api", "orders-api"], holders.Order());
        Assert.Empty(Realm.ServiceAccountOf("catalog-api")!.ClientRoles);
    }

    [Theory]
    [InlineData("shop-web")]
    [InlineData("api-explorer")]
    public void Clients_that_browse_the_catalog_anonymously_cannot_ask_for_the_catalog_scope(string clientId) =>
        Assert.DoesNotContain("catalog", Client(clientId).DefaultScopes.Concat(Client(clientId).OptionalScopes));

    [Fact]
    public void Password_sign_in_is_protected_by_temporary_lockout()
    {
        var bruteForce = Realm.Settings.BruteForce;

        Assert.True(bruteForce.Enabled);
        Assert.Equal(5, bruteForce.FailureFactor);
        Assert.Equal(TimeSpan.FromMinutes(1), bruteForce.WaitIncrement);
        Assert.Equal(TimeSpan.FromMinutes(15), bruteForce.MaxFailureWait);
        Assert.Equal(TimeSpan.FromHours(12), bruteForce.MaxDeltaTime);
    }

    [Fact]
    public void Token_exchange_is_enabled_on_orders_api_only()
    {
        Assert.Equal(["orders-api"], Realm.Clients.Where(c => c.StandardTokenExchangeEnabled).Select(c => c.ClientId));
        Assert.Contains("payments", Client("orders-api").OptionalScopes);
        Assert.True(Client("orders-api").ServiceAccountsEnabled);
    }

    [Fact]
    public void Orders_api_service_account_holds_the_price_quotes_role_of_catalog_api()
    {
        var account = Realm.ServiceAccountOf("orders-api");
        Assert.NotNull(account);
        Assert.Equal(["price-quotes"], account.ClientRoles["catalog-api"]);
    }

    [Fact]
    public void Partner_uses_client_credentials_only_with_the_shipping_scope()
    {
        var partner = Client("partner-acme");

        Assert.False(partner.IsPublic);
        Assert.False(partner.StandardFlowEnabled);
        Assert.True(partner.ServiceAccountsEnabled);
        Assert.False(partner.StandardTokenExchangeEnabled);
        Assert.Contains("shipping", partner.DefaultScopes);
        Assert.NotNull(Realm.ServiceAccountOf("partner-acme"));
    }

    [Fact]
    public void Payments_api_only_receives_tokens_and_has_no_flows()
    {
        var client = Client("payments-api");

        Assert.True(client.BearerOnly);
        Assert.False(client.StandardFlowEnabled);
        Assert.False(client.ServiceAccountsEnabled);
    }

    [Theory]
    [InlineData("catalog-api", "CATALOG_API")]
    [InlineData("policy-api", "POLICY_API")]
    public void Apis_that_read_access_rules_are_confidential_service_accounts_with_no_other_flow(string clientId, string prefix)
    {
        var client = Client(clientId);

        Assert.False(client.IsPublic);
        Assert.False(client.BearerOnly);
        Assert.Equal($"value-of-{prefix}_CLIENT_SECRET", client.Secret);
        Assert.True(client.ServiceAccountsEnabled);
        Assert.False(client.StandardFlowEnabled);
        Assert.False(client.StandardTokenExchangeEnabled);
        Assert.False(client.FullScopeAllowed);
        Assert.NotNull(Realm.ServiceAccountOf(clientId));
    }

    [Fact]
    public void Policies_scope_is_optional_for_the_rule_readers_and_the_back_office_only()
    {
        var withPolicies = Realm.Clients.Where(c => c.DefaultScopes.Concat(c.OptionalScopes).Contains("policies")).Select(c => c.ClientId);

        Assert.Equal(["backoffice-web", "catalog-api", "orders-api"], withPolicies.Order());
        Assert.All(Realm.Clients, c => Assert.DoesNotContain("policies", c.DefaultScopes));
    }

    [Theory]
    [InlineData("alice", "DE")]
    [InlineData("bob", "US")]
    [InlineData("carol", "DE")]
    public void Dev_users_have_their_country(string username, string country) =>
        Assert.Equal([country], Realm.FindPerson(username)!.Attributes["country"]);

    [Theory]
    [InlineData("country")]
    [InlineData("company")]
    [InlineData("username")]
    [InlineData("email")]
    [InlineData("firstName")]
    [InlineData("lastName")]
    public void User_profile_declares_the_attribute_so_keycloak_keeps_it(string attribute) =>
        Assert.True(Realm.UserProfile.Declares(attribute));

    [Fact]
    public void Only_carol_is_a_pricing_lead()
    {
        var leads = Realm.Users.Where(u => u.Groups.Any(g => g.Path == "/pricing-leads")).Select(u => u.Username);

        Assert.Equal(["carol"], leads);
    }

    [Fact]
    public void Country_is_served_by_userinfo_only()
    {
        var mapper = Assert.Single(Realm.Scopes.SelectMany(s => s.Mappers), m => m.Config.GetValueOrDefault("user.attribute") == "country");

        Assert.Contains(mapper, Realm.GetScope("profile").Mappers);
        Assert.Equal("country", mapper.Config["claim.name"]);
        Assert.True(mapper.InUserInfo);
        Assert.False(mapper.InAccessToken);
        Assert.False(mapper.InIdToken);
    }

    [Fact]
    public void Groups_scope_puts_group_names_in_access_tokens_and_userinfo_for_the_back_office_only()
    {
        var mapper = Assert.Single(Realm.GetScope("groups").Mappers);

        Assert.Equal(SupportedMappers.GroupMembership, mapper.Type);
        Assert.Equal("groups", mapper.Config["claim.name"]);
        Assert.Equal("false", mapper.Config["full.path"]);
        Assert.True(mapper.InAccessToken);
        Assert.True(mapper.InUserInfo);
        Assert.False(mapper.InIdToken);
        Assert.Equal(["backoffice-web"], Realm.Clients.Where(c => c.DefaultScopes.Concat(c.OptionalScopes).Contains("groups")).Select(c => c.ClientId));
    }

    [Fact]
    public void Only_policy_apis_service_account_may_read_users_through_the_admin_api()
    {
        var readers = Realm.Clients.Where(c => c.RoleScope.AllowsClientRole(RealmManagementClient.ClientId, RealmManagementClient.ViewUsers));
        var holders = Realm.Users.Where(u => u.ClientRoles.ContainsKey(RealmManagementClient.ClientId));

        Assert.Equal(["policy-api"], readers.Select(c => c.ClientId));
        Assert.Equal(["service-account-policy-api"], holders.Select(u => u.Username));
        Assert.Contains(RealmManagementClient.ViewUsers, Realm.ServiceAccountOf("policy-api")!.ClientRoles[RealmManagementClient.ClientId]);
        Assert.DoesNotContain("manage-users", Realm.ServiceAccountOf("policy-api")!.ClientRoles[RealmManagementClient.ClientId]);
    }
}
