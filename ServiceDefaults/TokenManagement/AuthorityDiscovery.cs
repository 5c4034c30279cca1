using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ShopAuthDemo.ServiceDefaults.TokenManagement;

// A service's own copy of {Authority}/.well-known/openid-configuration (a service has no OpenID Connect handler
// to share one with). ConfigurationManager caches the document and refreshes it in the background.
public sealed class AuthorityDiscovery(TokenClientSettings settings, IHttpClientFactory httpClientFactory, bool requireHttps)
    : IdentityProviderDiscovery
{
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _configuration = new(
        $"{settings.Authority}/.well-known/openid-configuration",
        new OpenIdConnectConfigurationRetriever(),
        new FactoryDocumentRetriever(httpClientFactory, requireHttps));

    protected override bool RequireHttps => requireHttps;

    public override Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken) =>
        _configuration.GetConfigurationAsync(cancellationToken);

    public override void RequestRefresh() => _configuration.RequestRefresh();

    // A fresh HttpClient from the factory per fetch, so the cached document never pins an old handler (and its DNS).
    private sealed class FactoryDocumentRetriever(IHttpClientFactory httpClientFactory, bool requireHttps) : IDocumentRetriever
    {
        public Task<string> GetDocumentAsync(string address, CancellationToken cancel) =>
            new HttpDocumentRetriever(httpClientFactory.CreateClient(TokenManagementExtensions.HttpClientName)) { RequireHttps = requireHttps }
                .GetDocumentAsync(address, cancel);
    }
}
