using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ShopAuthDemo.ServiceDefaults.TokenManagement;
using ShopAuthDemo.Web.Authentication.Configuration;
using ShopAuthDemo.Web.Authentication.Tokens;

namespace ShopAuthDemo.Tests.Web.Support;

/// <summary>A web app's token client whose identity provider has no discovery document: every call fails (and is logged).</summary>
public static class UnreachableIdentityProvider
{
    public static TokenEndpointClient Client() => new(
        new TokenClientSettings("http://identity.test/realms/shop", "shop-web", "test-secret"),
        new IdentityProviderDiscovery(new IdentityProviderMetadata(new OptionsMonitor<OpenIdConnectOptions>(
            new OptionsFactory<OpenIdConnectOptions>([], []), [], new OptionsCache<OpenIdConnectOptions>())).GetAsync,
            requireHttps: true),
        new NoHttpClients(),
        UnobservedMetrics.TokenRequests(),
        TimeProvider.System,
        NullLogger<TokenEndpointClient>.Instance);

    private sealed class NoHttpClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new HttpRequestException("No identity provider in this test.");
    }
}
