using System.Text.Json.Nodes;
using ShopAuthDemo.Identity.Local.Realm;
using ShopAuthDemo.Testing;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Realm;

/// <summary>Anything in the realm file the stand-in cannot reproduce as Keycloak would stops start-up, by name.</summary>
public sealed class RealmFileRulesTests
{
    private static string Values(string name) => RealmFiles.TestValue(name);

    private static RealmFileException LoadFails(Action<JsonObject> change, Func<string, string?>? lookup = null) =>
        Assert.Throws<RealmFileException>(() => RealmFile.Load(RealmFiles.WriteVariant(change), lookup ?? Values));

    private static JsonObject ClientNamed(JsonObject realm, string id) =>
        realm["clients"]!.AsArray().Select(c => c!.AsObject()).Single(c => (string?)c["clientId"] == id);

    [Fact]
    public void The_shop_realm_loads() =>
        Assert.Equal("shop", RealmFile.Load(RealmFiles.Shop, Values).Settings.Name);

    [Fact]
    public void Unknown_realm_property_is_an_error_naming_it()
    {
        // Self-registration: Keycloak would show a register link the stand-in does not have.
        var error = LoadFails(r => r["registrationAllowed"] = true);
        Assert.Contains("registrationAllowed", error.Message);
    }

    [Fact]
    public void Unsupported_mapper_type_is_an_error_naming_it()
    {
        var error = LoadFails(r => r["clientScopes"]![0]!["protocolMappers"]![0]!["protocolMapper"] = "oidc-script-based-protocol-mapper");
        Assert.Contains("oidc-script-based-protocol-mapper", error.Message);
    }

    [Fact]
    public void User_session_note_other_than_auth_time_is_an_error_naming_it()
    {
        var error = LoadFails(r => r["clientScopes"]![0]!["protocolMappers"]!.AsArray().Add(JsonNode.Parse("""
            { "name": "ip", "protocolMapper": "oidc-usersessionmodel-note-mapper",
              "config": { "user.session.note": "clientAddress", "claim.name": "ip" } }
            """)));
        Assert.Contains("user.session.note 'clientAddress'", error.Message);
    }

    [Fact]
    public void Misspelt_client_attribute_is_an_error_naming_it()
    {
        var error = LoadFails(r => ClientNamed(r, "shop-web")["attributes"]!["pkce.code.challenge.methods"] = "S256");
        Assert.Contains("pkce.code.challenge.methods", error.Message);
    }

    [Fact]
    public void Wildcard_redirect_uri_is_an_error()
    {
        var error = LoadFails(r => ClientNamed(r, "shop-web")["redirectUris"] = new JsonArray("${SHOP_WEB_URL}/*"));
        Assert.Contains("wildcards are not supported", error.Message);
    }

    [Fact]
    public void Password_grant_is_an_error()
    {
        var error = LoadFails(r => ClientNamed(r, "shop-web")["directAccessGrantsEnabled"] = true);
        Assert.Contains("direct access grants", error.Message);
    }

    [Fact]
    public void Plain_pkce_is_an_error()
    {
        var error = LoadFails(r => ClientNamed(r, "shop-web")["attributes"]!["pkce.code.challenge.method"] = "plain");
        Assert.Contains("PKCE method 'plain'", error.Message);
    }

    [Fact]
    public void Placeholder_without_a_value_is_an_error_naming_it()
    {
        var error = LoadFails(_ => { }, name => name == "ORDERS_API_CLIENT_SECRET" ? null : RealmFiles.TestValue(name));
        Assert.Contains("${ORDERS_API_CLIENT_SECRET}", error.Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = LoadFails(r =>
        {
            ClientNamed(r, "shop-web")["implicitFlowEnabled"] = true;
            ClientNamed(r, "backoffice-web")["frontchannelLogout"] = true;
        });
        Assert.Contains("clients[shop-web]: the implicit flow", error.Message);
        Assert.Contains("clients[backoffice-web]: front-channel logout", error.Message);
    }

    [Fact]
    public void Client_role_mapper_template_is_not_taken_for_a_placeholder()
    {
        var realm = RealmFile.Load(RealmFiles.Shop, Values);
        var mapper = realm.GetScope("roles").Mappers.Single(m => m.Type == SupportedMappers.ClientRoles);
        Assert.Equal("resource_access.${client_id}.roles", mapper.Config["claim.name"]);
    }

    [Fact]
    public void Scope_mapping_of_an_undefined_role_is_an_error_naming_it()
    {
        // Keycloak would create the misspelt role on import, and nobody would hold it.
        var error = LoadFails(r => r["scopeMappings"]![0]!["roles"] = new JsonArray("custmer"));
        Assert.Contains("realm role 'custmer' is not defined", error.Message);
    }

    [Fact]
    public void Client_scope_mapping_of_an_undefined_client_role_is_an_error_naming_it()
    {
        var error = LoadFails(r => r["clientScopeMappings"]!["catalog-api"]![0]!["roles"] = new JsonArray("price-quote"));
        Assert.Contains("client role 'catalog-api/price-quote' is not defined", error.Message);
    }

    [Fact]
    public void Scope_mapping_for_an_unknown_client_is_an_error_naming_it()
    {
        var error = LoadFails(r => r["scopeMappings"]![0]!["client"] = "shop-wbe");
        Assert.Contains("client 'shop-wbe' does not exist", error.Message);
    }

    [Fact]
    public void Scope_mapping_naming_both_a_client_and_a_client_scope_is_an_error()
    {
        var error = LoadFails(r => r["scopeMappings"]![0]!["clientScope"] = "orders");
        Assert.Contains("name either a client or a clientScope", error.Message);
    }

    [Fact]
    public void Client_without_full_scope_allowed_reads_its_scope_mappings_and_own_client_roles()
    {
        var realm = RealmFile.Load(RealmFiles.Shop, Values);

        Assert.False(realm.FindClient("orders-api")!.FullScopeAllowed);
        Assert.Equal(["customer"], realm.FindClient("orders-api")!.RoleScope.RealmRoles);
        Assert.True(realm.FindClient("orders-api")!.RoleScope.AllowsClientRole("catalog-api", "price-quotes"));
        // A client's own client roles are always in its scope, as in Keycloak.
        Assert.True(realm.FindClient("catalog-api")!.RoleScope.AllowsClientRole("catalog-api", "price-quotes"));
    }

    [Fact]
    public void Permanent_lockout_is_an_error()
    {
        var error = LoadFails(r => r["permanentLockout"] = true);
        Assert.Contains("permanentLockout true is not supported", error.Message);
    }

    [Fact]
    public void Dev_password_that_breaks_the_password_policy_is_an_error_naming_the_rule_but_not_the_password()
    {
        // Keycloak's import fails the same way (PasswordPolicyNotMetException).
        var error = LoadFails(_ => { }, name => name == "DEV_USER_PASSWORD" ? "tiny-pw" : RealmFiles.TestValue(name));

        Assert.Contains("users[alice]: the password breaks passwordPolicy rule 'length'", error.Message);
        Assert.DoesNotContain("tiny-pw", error.Message);
    }

    [Fact]
    public void Password_equal_to_the_username_breaks_not_username()
    {
        var same = LoadFails(r =>
        {
            r["users"]![0]!["username"] = "alice-the-customer";
            r["users"]![0]!["credentials"]![0]!["value"] = "alice-the-customer";
        });
        Assert.Contains("users[alice-the-customer]: the password breaks passwordPolicy rule 'notUsername'", same.Message);
    }

    [Fact]
    public void Password_policy_the_stand_in_cannot_check_is_an_error()
    {
        var error = LoadFails(r => r["passwordPolicy"] = "length(12) and passwordBlacklist(rockyou.txt)");
        Assert.Contains("passwordPolicy: 'passwordBlacklist(rockyou.txt)' is not supported", error.Message);
    }

    [Fact]
    public void Misspelt_event_type_is_an_error_naming_it()
    {
        var error = LoadFails(r => r["enabledEventTypes"]!.AsArray().Add("LOGIN_FAILED"));
        Assert.Contains("enabledEventTypes: 'LOGIN_FAILED'", error.Message);
    }

    [Fact]
    public void User_without_enabled_true_is_imported_disabled_as_keycloak_does()
    {
        var realm = RealmFile.Load(RealmFiles.WriteVariant(r => r["users"]![0]!.AsObject().Remove("enabled")), Values);
        Assert.False(realm.FindPerson("alice")!.Enabled);
    }
    private static JsonObject UserNamed(JsonObject realm, string username) =>
        realm["users"]!.AsArray().Select(u => u!.AsObject()).Single(u => (string?)u["username"] == username);

    private static JsonObject ProfileConfig(JsonObject realm) =>
        JsonNode.Parse((string)realm["components"]![UserProfile.ProviderType]![0]!["config"]![UserProfile.ConfigKey]![0]!)!.AsObject();

    private static void SetProfileConfig(JsonObject realm, JsonObject config) =>
        realm["components"]![UserProfile.ProviderType]![0]!["config"]![UserProfile.ConfigKey] = new JsonArray(config.ToJsonString());

    [Fact]
    public void User_attribute_the_user_profile_does_not_declare_is_an_error_saying_keycloak_would_drop_it()
    {
        var error = LoadFails(r => UserNamed(r, "alice")["attributes"]!["loyaltyTier"] = new JsonArray("gold"));

        Assert.Contains("users[alice].attributes.loyaltyTier: the realm's user profile does not declare 'loyaltyTier'", error.Message);
        Assert.Contains("would drop it on import", error.Message);
    }

    [Fact]
    public void Without_a_user_profile_component_only_the_default_attributes_exist()
    {
        // Keycloak 24+ then uses its default profile (username, email, firstName, lastName): country is dropped.
        var error = LoadFails(r => r.Remove("components"));

        Assert.Contains("users[alice].attributes.country: the realm's user profile does not declare 'country'", error.Message);
    }

    [Fact]
    public void Attribute_mapper_of_an_undeclared_attribute_is_an_error_naming_it()
    {
        var error = LoadFails(r => r["clientScopes"]!.AsArray().Single(s => (string?)s!["name"] == "profile")!["protocolMappers"]!
            .AsArray().Single(m => (string?)m!["name"] == "country")!["config"]!["user.attribute"] = "countryCode");

        Assert.Contains("user.attribute 'countryCode' is neither a user field nor declared in the user profile", error.Message);
    }

    [Fact]
    public void Two_values_for_a_single_valued_attribute_are_an_error()
    {
        var error = LoadFails(r => UserNamed(r, "bob")["attributes"]!["country"] = new JsonArray("US", "DE"));

        Assert.Contains("users[bob].attributes.country: 2 values for an attribute the user profile declares single-valued", error.Message);
    }

    [Fact]
    public void Unmanaged_attribute_policy_is_an_error()
    {
        var error = LoadFails(r =>
        {
            var config = ProfileConfig(r);
            config["unmanagedAttributePolicy"] = "ENABLED";
            SetProfileConfig(r, config);
        });

        Assert.Contains("unmanagedAttributePolicy 'ENABLED' is not supported", error.Message);
    }

    [Fact]
    public void Unknown_property_in_the_user_profile_config_is_an_error()
    {
        var error = LoadFails(r =>
        {
            var config = ProfileConfig(r);
            config["attributes"]![0]!["defaultValue"] = "x";
            SetProfileConfig(r, config);
        });

        Assert.Contains("kc.user.profile.config: '$.attributes[0].defaultValue' is not supported", error.Message);
    }

    [Fact]
    public void Other_components_are_an_error_naming_their_type()
    {
        var error = LoadFails(r => r["components"]!["org.keycloak.keys.KeyProvider"] = JsonNode.Parse("""[{ "providerId": "rsa-generated" }]"""));

        Assert.Contains("components.org.keycloak.keys.KeyProvider: not supported", error.Message);
    }

    [Fact]
    public void Membership_of_an_undeclared_group_is_an_error_naming_it()
    {
        var error = LoadFails(r => UserNamed(r, "carol")["groups"] = new JsonArray("/pricing-lead"));

        Assert.Contains("users[carol]: group '/pricing-lead' is not declared in groups", error.Message);
    }

    [Fact]
    public void Roles_given_through_a_group_are_an_error()
    {
        var error = LoadFails(r => r["groups"]![0]!["realmRoles"] = new JsonArray("admin"));

        Assert.Contains("groups[/pricing-leads]: roles on groups are not supported", error.Message);
    }

    [Fact]
    public void Declaring_keycloaks_realm_management_roles_is_an_error()
    {
        var error = LoadFails(r => r["roles"]!["client"]!["realm-management"] = JsonNode.Parse("""[{ "name": "view-users" }]"""));

        Assert.Contains("roles.client.realm-management: Keycloak defines these roles itself", error.Message);
    }

    [Fact]
    public void A_realm_management_role_that_does_not_exist_is_an_error_naming_it()
    {
        var error = LoadFails(r => UserNamed(r, "service-account-policy-api")["clientRoles"]!["realm-management"] = new JsonArray("view-user"));

        Assert.Contains("client role 'realm-management/view-user' is not defined", error.Message);
    }

    [Fact]
    public void Groups_of_a_user_are_read_by_path_with_nested_groups()
    {
        var realm = RealmFile.Load(RealmFiles.WriteVariant(r =>
        {
            r["groups"]![0]!["subGroups"] = JsonNode.Parse("""[{ "name": "coffee", "path": "/pricing-leads/coffee" }]""");
            UserNamed(r, "alice")["groups"] = new JsonArray("/pricing-leads/coffee");
        }), Values);

        var group = Assert.Single(realm.FindPerson("alice")!.Groups);
        Assert.Equal(("coffee", "/pricing-leads/coffee"), (group.Name, group.Path));
        Assert.Equal(realm.Groups.Single(g => g.Path == "/pricing-leads").Id, group.ParentId);
    }
}
