using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ShopAuthDemo.Web.Authentication.Tokens;

/// <summary>
/// The identity provider's discovery document (endpoints, issuer, signing keys), shared with the OpenID
/// Connect handler: one cached copy, refreshed in the background, instead of a second download.
/// </summary>
public sealed class IdentityProviderMetadata(IOptionsMonitor<OpenIdConnectOptions> options)
{
    private OpenIdConnectOptions Options => options.Get(OpenIdConnectDefaults.AuthenticationScheme);

    public string ClientId => Options.ClientId!;

    public async Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken)
    {
        var current = Options;
        return current.Configuration
            ?? await (current.ConfigurationManager
                ?? throw new InvalidOperationException("The OpenID Connect handler has no configuration manager."))
                .GetConfigurationAsync(cancellationToken);
    }

    /// <summary>Fetch the document again on next use, e.g. because a token names a signing key we do not know yet.</summary>
    public void RequestRefresh() => Options.ConfigurationManager?.RequestRefresh();
}
