using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ShopAuthDemo.ServiceDefaults.TokenManagement;

// Finds the token endpoint in {Authority}/.well-known/openid-configuration instead of hard-coding
// Keycloak's path. ConfigurationManager caches the document and refreshes it in the background.
public sealed class TokenEndpointDiscovery
{
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _configuration;
    private readonly bool _requireHttps;

    public TokenEndpointDiscovery(TokenClientSettings settings, IHttpClientFactory httpClientFactory, bool requireHttps)
    {
        _requireHttps = requireHttps;
        _configuration = new(
            $"{settings.Authority}/.well-known/openid-configuration",
            new OpenIdConnectConfigurationRetriever(),
            new FactoryDocumentRetriever(httpClientFactory, requireHttps));
    }

    public async Task<string> GetTokenEndpointAsync(CancellationToken cancellationToken)
    {
        var configuration = await _configuration.GetConfigurationAsync(cancellationToken);
        var tokenEndpoint = configuration.TokenEndpoint;

        // The client secret travels to this address: over plain http anyone on the path could read it.
        if (string.IsNullOrEmpty(tokenEndpoint)
            || (_requireHttps && !tokenEndpoint.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"The discovery document names no usable token endpoint: '{tokenEndpoint}'.");
        }

        return tokenEndpoint;
    }

    // A fresh HttpClient from the factory per fetch, so the cached document never pins an old handler (and its DNS).
    private sealed class FactoryDocumentRetriever(IHttpClientFactory httpClientFactory, bool requireHttps) : IDocumentRetriever
    {
        public Task<string> GetDocumentAsync(string address, CancellationToken cancel) =>
            new HttpDocumentRetriever(httpClientFactory.CreateClient(TokenManagementExtensions.HttpClientName)) { RequireHttps = requireHttps }
                .GetDocumentAsync(address, cancel);
    }
}
