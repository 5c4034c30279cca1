using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using ShopAuthDemo.Testing;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using ShopAuthDemo.Tests.TokenManagement.Support;
using Xunit;

namespace ShopAuthDemo.Tests.TokenManagement;

// Against Identity.Local, which follows Keycloak's rules: proves a real server accepts what we send
// (discovery, client_secret_basic, the RFC 8693 form), not just our fake.
public sealed class LocalIdentityProviderTokenTests(LocalIdentityProviderFactory idp) : IClassFixture<LocalIdentityProviderFactory>
{
    private TokenManagementTestHost CreateHost() => new(settings =>
    {
        settings["Identity:Authority"] = LocalIdentityProviderFactory.Issuer;
        settings["Identity:ClientSecret"] = LocalIdentityProviderFactory.Secrets["ORDERS_API_CLIENT_SECRET"];
    }, identityProvider: idp.Server.CreateHandler());

    private static JsonWebToken SentToken(TokenManagementTestHost host) =>
        new(host.Downstream.Calls[^1].Authorization!["Bearer ".Length..]);

    [Fact]
    public async Task Client_credentials_token_from_the_identity_provider_is_attached()
    {
        using var host = CreateHost();

        var response = await host.CreateClient(TokenManagementTestHost.CatalogAsService).GetAsync("/api/catalog/items", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = SentToken(host);
        Assert.Equal("orders-api", token.GetClaim("azp").Value);
        Assert.Equal("service-account-orders-api", token.GetClaim("preferred_username").Value);
        Assert.Equal(["catalog-api"], token.Audiences);
    }

    [Fact]
    public async Task Exchanged_token_is_for_the_user_and_the_downstream_audience()
    {
        using var host = CreateHost();
        var flow = new OidcBrowserFlow(idp.CreateBrowser(), "shop-web", LocalIdentityProviderFactory.ShopWebUrl + "/signin-oidc");
        var alice = await flow.SignInAsync("alice", LocalIdentityProviderFactory.Secrets["DEV_USER_PASSWORD"],
            LocalIdentityProviderFactory.Secrets["SHOP_WEB_CLIENT_SECRET"], "openid orders");
        host.SubjectToken.Current = alice.GetProperty("access_token").GetString();

        var response = await host.CreateClient(TokenManagementTestHost.PaymentsForUser).GetAsync("/api/payments", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = SentToken(host);
        Assert.Equal("alice", token.GetClaim("preferred_username").Value);
        Assert.Equal(["payments-api"], token.Audiences);
        Assert.Equal("orders-api", token.GetClaim("azp").Value);
    }
}
