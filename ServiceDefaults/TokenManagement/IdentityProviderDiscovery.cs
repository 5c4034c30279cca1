using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ShopAuthDemo.ServiceDefaults.TokenManagement;

// Where the identity provider's endpoints come from: its discovery document, never a hard-coded Keycloak path.
// One rule for web apps and services alike; only the copy of the document differs (a web app shares the OpenID
// Connect handler's, a service fetches its own: AuthorityDiscovery).
public abstract class IdentityProviderDiscovery
{
    // Plain-http discovery would let anyone on the path point us at their own endpoints.
    protected abstract bool RequireHttps { get; }

    public abstract Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken);

    /// <summary>Fetch the document again on next use, e.g. because a token names a signing key we do not know yet.</summary>
    public abstract void RequestRefresh();

    public async Task<string> GetTokenEndpointAsync(CancellationToken cancellationToken)
    {
        var tokenEndpoint = (await GetAsync(cancellationToken)).TokenEndpoint;
        return IsUsable(tokenEndpoint)
            ? tokenEndpoint
            : throw new InvalidOperationException($"The discovery document names no usable token endpoint: '{tokenEndpoint}'.");
    }

    /// <returns>Null when the identity provider names none (RFC 7009 is optional).</returns>
    public async Task<string?> GetRevocationEndpointAsync(CancellationToken cancellationToken)
    {
        var revocationEndpoint = (await GetAsync(cancellationToken)).RevocationEndpoint;
        return string.IsNullOrEmpty(revocationEndpoint) ? null
            : IsUsable(revocationEndpoint) ? revocationEndpoint
            : throw new InvalidOperationException($"The discovery document names no usable revocation endpoint: '{revocationEndpoint}'.");
    }

    // The client secret (and a user's token) travels to these addresses: over plain http anyone on the path could read it.
    private bool IsUsable(string? endpoint) =>
        !string.IsNullOrEmpty(endpoint) && (!RequireHttps || endpoint.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
}
