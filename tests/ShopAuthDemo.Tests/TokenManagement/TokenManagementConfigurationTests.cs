using ShopAuthDemo.ServiceDefaults.TokenManagement;
using ShopAuthDemo.Tests.TokenManagement.Support;
using Xunit;

namespace ShopAuthDemo.Tests.TokenManagement;

public sealed class TokenManagementConfigurationTests
{
    [Theory]
    [InlineData("Identity:Authority")]
    [InlineData("Identity:ClientId")]
    [InlineData("Identity:ClientSecret")]
    public void Missing_client_configuration_fails_fast(string key)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new TokenManagementTestHost(settings => settings.Remove(key)));

        Assert.Equal($"Configuration missing value for: {key}", error.Message);
    }

    [Fact]
    public async Task Plain_http_identity_provider_is_refused_outside_development()
    {
        using var host = new TokenManagementTestHost(environment: "Production");

        var error = await Assert.ThrowsAsync<TokenRequestException>(() => host.CreateClient(TokenManagementTestHost.CatalogAsService)
            .GetAsync("/api/catalog/items", TestContext.Current.CancellationToken));

        Assert.Contains(FakeIdentityProvider.Authority, error.Message);
        Assert.Equal(0, host.IdentityProvider.DiscoveryRequestCount);
        Assert.Equal(0, host.IdentityProvider.TokenRequestCount);
    }

    [Fact]
    public async Task Token_endpoint_over_plain_http_is_refused_outside_development()
    {
        using var host = new TokenManagementTestHost(
            settings => settings["Identity:Authority"] = "https://idp.test/realms/shop", environment: "Production");
        host.IdentityProvider.AdvertisedTokenEndpoint = "http://idp.test/realms/shop/protocol/openid-connect/token";

        await Assert.ThrowsAsync<TokenRequestException>(() => host.CreateClient(TokenManagementTestHost.CatalogAsService)
            .GetAsync("/api/catalog/items", TestContext.Current.CancellationToken));

        Assert.Equal(1, host.IdentityProvider.DiscoveryRequestCount);
        Assert.Equal(0, host.IdentityProvider.TokenRequestCount);
    }
}
