using Microsoft.Extensions.Logging;

namespace ShopAuthDemo.ServiceDefaults.TokenManagement;

// For service-to-service calls made on the service's own behalf (no user involved).
public sealed class ClientCredentialsTokenHandler(
    ClientCredentialsTokens tokens, string? scope, string? audience, ILogger<ClientCredentialsTokenHandler> logger)
    : AccessTokenHandler(logger)
{
    protected override string GrantType => "client_credentials";
    protected override string? Audience => audience;
    protected override string? Scope => scope;

    protected override Task<string> GetTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        tokens.GetAsync(scope, audience, cancellationToken);

    protected override Task<string> RenewTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        tokens.RenewAsync(scope, audience, cancellationToken);
}
