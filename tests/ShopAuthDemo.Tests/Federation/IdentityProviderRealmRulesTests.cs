using System.Text.Json.Nodes;
using ShopAuthDemo.Identity.Local.Realm;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Federation;

/// <summary>
/// Brokering the unsafe way (no PKCE, unchecked signatures), or with a mapper, role, attribute or first-login step
/// the stand-in does not reproduce, stops start-up with an error that names it; both shipped realm files load.
/// </summary>
public sealed class IdentityProviderRealmRulesTests
{
    private static RealmFileException LoadFails(Action<JsonObject> change) =>
        Assert.Throws<RealmFileException>(() => RealmFile.Load(RealmFiles.WriteVariant(change), RealmFiles.TestValue));

    private static JsonObject Northwind(JsonObject realm) => realm["identityProviders"]![0]!.AsObject();

    private static JsonObject Mapper(JsonObject realm, string name) =>
        realm["identityProviderMappers"]!.AsArray().Select(m => m!.AsObject()).Single(m => (string?)m["name"] == name);

    [Fact]
    public void Both_realm_files_load()
    {
        var shop = RealmFile.Load(RealmFiles.Shop, RealmFiles.TestValue);
        var northwind = RealmFile.Load(RealmFiles.Northwind, RealmFiles.TestValue);

        var provider = Assert.Single(shop.IdentityProviders);
        Assert.Equal(("northwind", "shop-broker"), (provider.Alias, provider.ClientId));
        Assert.Equal("northwind", northwind.Settings.Name);
        Assert.NotNull(northwind.FindClient("shop-broker"));
        Assert.NotNull(northwind.FindPerson("dave"));
    }

    [Fact]
    public void Identity_provider_without_pkce_is_an_error_naming_it()
    {
        var error = LoadFails(r => Northwind(r)["config"]!["pkceEnabled"] = "false");
        Assert.Contains("identityProviders[northwind].config.pkceEnabled", error.Message);
    }

    [Fact]
    public void Identity_provider_without_signature_validation_is_an_error_naming_it()
    {
        var error = LoadFails(r => Northwind(r)["config"]!["validateSignature"] = "false");
        Assert.Contains("identityProviders[northwind].config.validateSignature", error.Message);
    }

    [Fact]
    public void Unsupported_identity_provider_mapper_type_is_an_error_naming_it()
    {
        var error = LoadFails(r => Mapper(r, "customer role")["identityProviderMapper"] = "oidc-advanced-role-idp-mapper");
        Assert.Contains("identityProviderMappers[customer role]: mapper type 'oidc-advanced-role-idp-mapper'", error.Message);
    }

    [Fact]
    public void Hardcoded_role_that_does_not_exist_is_an_error_naming_it()
    {
        var error = LoadFails(r => Mapper(r, "customer role")["config"]!["role"] = "custmer");
        Assert.Contains("identityProviderMappers[customer role]: role 'custmer' is not a realm role", error.Message);
    }

    [Fact]
    public void Attribute_importer_to_an_undeclared_attribute_is_an_error_naming_it()
    {
        var error = LoadFails(r => Mapper(r, "first name")["config"]!["user.attribute"] = "employer");
        Assert.Contains("identityProviderMappers[first name]: attribute 'employer' is neither a user field nor declared", error.Message);
    }

    [Fact]
    public void Hard_coded_attribute_to_an_undeclared_attribute_is_an_error_naming_it()
    {
        var error = LoadFails(r => Mapper(r, "company")["config"]!["attribute"] = "employer");
        Assert.Contains("identityProviderMappers[company]: attribute 'employer' is neither a user field nor declared", error.Message);
    }

    [Fact]
    public void A_username_template_with_a_transformer_or_an_unknown_placeholder_is_an_error_naming_it()
    {
        var error = LoadFails(r => Mapper(r, "username")["config"]!["template"] = "${CLAIM.preferred_username | lowercase}");
        Assert.Contains("identityProviderMappers[username]: template", error.Message);
    }

    [Fact]
    public void First_broker_login_flow_with_another_authenticator_is_an_error_naming_it()
    {
        // idp-auto-link links to whichever local account has the same email: an account takeover by the other provider.
        var error = LoadFails(r => r["authenticationFlows"]![0]!["authenticationExecutions"]![0]!["authenticator"] = "idp-auto-link");
        Assert.Contains("authenticationFlows[northwind first broker login]", error.Message);
        Assert.Contains("idp-auto-link", error.Message);
    }

    [Fact]
    public void Identity_provider_rule_broken_stops_identity_local_from_starting()
    {
        var realmFile = RealmFiles.WriteVariant(r => Northwind(r)["config"]!["validateSignature"] = "false");
        using var shop = new LocalIdentityProviderFactory("http://127.0.0.1:9", realmFile);

        var error = Assert.ThrowsAny<Exception>(() => shop.Server);

        Assert.Contains("validateSignature", error.ToString());
    }
}
