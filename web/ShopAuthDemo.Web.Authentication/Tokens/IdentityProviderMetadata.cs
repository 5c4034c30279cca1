using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ShopAuthDemo.ServiceDefaults.TokenManagement;

namespace ShopAuthDemo.Web.Authentication.Tokens;

/// <summary>
/// The identity provider's discovery document (endpoints, issuer, signing keys), shared with the OpenID
/// Connect handler: one cached copy, refreshed in the background, instead of a second download.
/// </summary>
public sealed class IdentityProviderMetadata(IOptionsMonitor<OpenIdConnectOptions> options) : IdentityProviderDiscovery
{
    private OpenIdConnectOptions Options => options.Get(OpenIdConnectDefaults.AuthenticationScheme);

    public string ClientId => Options.ClientId!;

    protected override bool RequireHttps => Options.RequireHttpsMetadata;

    public override async Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken)
    {
        var current = Options;
        return current.Configuration
            ?? await (current.ConfigurationManager
                ?? throw new InvalidOperationException("The OpenID Connect handler has no configuration manager."))
                .GetConfigurationAsync(cancellationToken);
    }

    public override void RequestRefresh() => Options.ConfigurationManager?.RequestRefresh();
}
