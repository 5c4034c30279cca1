using ShopAuthDemo.Identity.Local.Federation;
using ShopAuthDemo.Identity.Local.Realm;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Realm;

/// <summary>
/// Realm shop brokers realm northwind the safe way, and the two files agree on the URLs and the client between them;
/// read the way Identity.Local reads them (so also valid for it).
/// </summary>
public sealed class FederationDesignTests
{
    private static readonly LocalRealm Shop = RealmFile.Load(RealmFiles.Shop, RealmFiles.TestValue);
    private static readonly LocalRealm Northwind = RealmFile.Load(RealmFiles.Northwind, RealmFiles.TestValue);

    private static RealmIdentityProvider Broker => Shop.FindIdentityProvider("northwind") ?? throw new Xunit.Sdk.XunitException("no identity provider northwind");

    [Fact]
    public void Shop_brokers_northwind_with_code_flow_pkce_and_its_signature_issuer_and_logout()
    {
        Assert.Equal("Northwind Traders", Broker.DisplayName);
        Assert.Equal("shop-broker", Broker.ClientId);
        Assert.Equal("value-of-NORTHWIND_BROKER_CLIENT_SECRET", Broker.ClientSecret);
        Assert.Equal("http://northwind-url.test", Broker.Issuer);
        Assert.Equal("http://northwind-url.test/protocol/openid-connect/auth", Broker.AuthorizationUrl.AbsoluteUri);
        Assert.Equal("http://northwind-url.test/protocol/openid-connect/logout", Broker.LogoutUrl?.AbsoluteUri);
        // Server to server: from where the shop's identity provider runs (inside Keycloak's container, say).
        Assert.Equal("http://northwind-internal-url.test/protocol/openid-connect/token", Broker.TokenUrl.AbsoluteUri);
        Assert.Equal("http://northwind-internal-url.test/protocol/openid-connect/certs", Broker.JwksUrl.AbsoluteUri);
        Assert.Contains("openid", Broker.Scope.Split(' '));
    }

    [Fact]
    public void A_northwind_user_becomes_a_customer_with_email_name_and_company_under_a_name_that_cannot_clash()
    {
        Assert.Contains(Broker.Mappers, m => m.Type == IdentityProviderMappers.HardcodedRole && m.Config["role"] == "customer");
        // The company is pinned by realm shop, not taken from Northwind's token: a partner cannot claim to be another company.
        Assert.Contains(Broker.Mappers, m => m.Type == IdentityProviderMappers.HardcodedAttribute && m.Config["attribute"] == "company" && m.Config["attribute.value"] == "Northwind Traders");
        Assert.DoesNotContain(Broker.Mappers, m => m.Type == IdentityProviderMappers.AttributeImporter && m.Config["user.attribute"] == "company");
        Assert.Contains(Broker.Mappers, m => m.Type == IdentityProviderMappers.AttributeImporter && m.Config["user.attribute"] == "email");
        Assert.Contains(Broker.Mappers, m => m.Type == IdentityProviderMappers.AttributeImporter && m.Config["user.attribute"] == "firstName");
        Assert.Contains(Broker.Mappers, m => m.Type == IdentityProviderMappers.AttributeImporter && m.Config["user.attribute"] == "lastName");
        Assert.Contains(Broker.Mappers, m => m.Type == IdentityProviderMappers.UsernameTemplate && m.Config["template"].StartsWith("${ALIAS}.", StringComparison.Ordinal));
        // Since Keycloak 24 an undeclared attribute is dropped: company must be in the user profile to survive.
        Assert.True(Shop.UserProfile.Declares("company"));
    }

    [Fact]
    public void Tokens_say_which_identity_provider_and_userinfo_says_the_company()
    {
        var profile = Shop.GetScope("profile");
        var note = Assert.Single(profile.Mappers, m => m.Type == SupportedMappers.UserSessionNote && m.Config["user.session.note"] == "identity_provider");
        Assert.True(note.InAccessToken && note.InIdToken);
        var company = Assert.Single(profile.Mappers, m => m.Config.GetValueOrDefault("user.attribute") == "company");
        Assert.True(company.InUserInfo);
        Assert.False(company.InAccessToken);
        // orders-api's exchanged token to payments-api keeps the note: its client has scope profile.
        Assert.Contains("profile", Shop.FindClient("orders-api")!.DefaultScopes);
    }

    [Fact]
    public void Northwind_knows_the_shops_broker_at_its_redirect_and_post_logout_uris_and_dave()
    {
        var client = Northwind.FindClient("shop-broker");
        Assert.NotNull(client);
        Assert.False(client.IsPublic);
        Assert.True(client.RequirePkceS256);
        Assert.Equal("value-of-NORTHWIND_BROKER_CLIENT_SECRET", client.Secret);
        Assert.Equal(["http://shop-realm-url.test/broker/northwind/endpoint"], client.RedirectUris);
        Assert.Equal(["http://shop-realm-url.test/broker/northwind/endpoint/logout_response"], client.PostLogoutRedirectUris);
        // The broker reads the company from the ID token (it never calls userinfo).
        Assert.Contains(Northwind.GetScope("profile").Mappers, m => m.Config.GetValueOrDefault("claim.name") == "company" && m.InIdToken);

        var dave = Northwind.FindPerson("dave");
        Assert.NotNull(dave);
        Assert.True(dave.Enabled);
        Assert.Equal(["Northwind Traders"], dave.Attributes["company"]);
        Assert.Equal("value-of-DEV_USER_PASSWORD", dave.Password);
        // dave is Northwind's, not the shop's: only the broker makes him a shop user.
        Assert.Null(Shop.FindPerson("dave"));
    }
}
