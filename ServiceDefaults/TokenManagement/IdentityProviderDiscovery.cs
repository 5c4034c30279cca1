using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ShopAuthDemo.ServiceDefaults.TokenManagement;

// Where the identity provider's endpoints come from: its discovery document, never a hard-coded Keycloak path.
// One rule for services and web apps; only the copy of the document differs: a web app shares its OpenID
// Connect handler's (IdentityProviderMetadata), a service has no such handler and keeps its own (ForAuthority).
public sealed class IdentityProviderDiscovery(Func<CancellationToken, Task<OpenIdConnectConfiguration>> document, bool requireHttps)
{
    public async Task<string> GetTokenEndpointAsync(CancellationToken cancellationToken)
    {
        var tokenEndpoint = (await document(cancellationToken)).TokenEndpoint;
        return IsUsable(tokenEndpoint)
            ? tokenEndpoint
            : throw new InvalidOperationException($"The discovery document names no usable token endpoint: '{tokenEndpoint}'.");
    }

    /// <returns>Null when the identity provider names none (RFC 7009 is optional).</returns>
    public async Task<string?> GetRevocationEndpointAsync(CancellationToken cancellationToken)
    {
        var revocationEndpoint = (await document(cancellationToken)).RevocationEndpoint;
        if (string.IsNullOrEmpty(revocationEndpoint)) return null;
        return IsUsable(revocationEndpoint)
            ? revocationEndpoint
            : throw new InvalidOperationException($"The discovery document names no usable revocation endpoint: '{revocationEndpoint}'.");
    }

    // {Authority}/.well-known/openid-configuration; ConfigurationManager caches it and refreshes it in the background.
    // Plain-http discovery would let anyone on the path point us at their own token endpoint.
    public static IdentityProviderDiscovery ForAuthority(string authority, IHttpClientFactory httpClientFactory, bool requireHttps) =>
        new(new ConfigurationManager<OpenIdConnectConfiguration>($"{authority}/.well-known/openid-configuration",
            new OpenIdConnectConfigurationRetriever(), new FactoryDocumentRetriever(httpClientFactory, requireHttps)).GetConfigurationAsync,
            requireHttps);

    // The client secret (and a user's token) travels to these addresses: over plain http anyone on the path could read it.
    private bool IsUsable(string? endpoint) =>
        !string.IsNullOrEmpty(endpoint) && (!requireHttps || endpoint.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    // A fresh HttpClient from the factory per fetch, so the cached document never pins an old handler (and its DNS).
    private sealed class FactoryDocumentRetriever(IHttpClientFactory httpClientFactory, bool requireHttps) : IDocumentRetriever
    {
        public Task<string> GetDocumentAsync(string address, CancellationToken cancel) =>
            new HttpDocumentRetriever(httpClientFactory.CreateClient(TokenManagementExtensions.HttpClientName)) { RequireHttps = requireHttps }
                .GetDocumentAsync(address, cancel);
    }
}
