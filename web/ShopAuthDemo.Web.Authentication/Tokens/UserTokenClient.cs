using Microsoft.Extensions.Logging;
using ShopAuthDemo.ServiceDefaults.TokenManagement;
using ShopAuthDemo.Web.Authentication.Configuration;

namespace ShopAuthDemo.Web.Authentication.Tokens;

/// <summary>
/// The services' token-endpoint client, as a web app uses it to renew and revoke a user's tokens: as the web
/// app's client (Identity:ClientId), with the discovery document its OpenID Connect handler already keeps.
/// </summary>
public sealed class UserTokenClient(
    WebClientSettings settings,
    IdentityProviderDiscovery discovery,
    IHttpClientFactory httpClients,
    TokenManagementMetrics metrics,
    TimeProvider time,
    ILogger<TokenEndpointClient> logger)
    : TokenEndpointClient(new TokenClientSettings(settings.Authority, settings.ClientId, settings.ClientSecret),
        discovery, httpClients, metrics, time, logger);
