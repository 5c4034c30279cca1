using Duende.IdentityModel.Client;
using Microsoft.Extensions.Logging;
using ShopAuthDemo.Web.Authentication.Configuration;

namespace ShopAuthDemo.Web.Authentication.Tokens;

/// <summary>The two requests a web app makes about a user's tokens: renew them, and revoke them at logout.</summary>
public sealed class UserTokenClient(
    WebClientSettings settings,
    IdentityProviderMetadata metadata,
    IHttpClientFactory httpClients,
    ILogger<UserTokenClient> logger)
{
    public const string HttpClientName = "ShopAuthDemo.Web.IdentityProvider";

    /// <exception cref="HttpRequestException">The identity provider (or its discovery document) could not be reached.</exception>
    public async Task<TokenResponse> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var configuration = await metadata.GetAsync(cancellationToken);
        return await httpClients.CreateClient(HttpClientName).RequestRefreshTokenAsync(Authenticate(new RefreshTokenRequest
        {
            Address = configuration.TokenEndpoint,
            RefreshToken = refreshToken,
        }), cancellationToken);
    }

    /// <summary>
    /// Revokes the refresh token (RFC 7009), so a copy of it is worthless after logout. Failures are logged
    /// and swallowed: the user's logout must go on even if the identity provider does not answer.
    /// </summary>
    /// <returns>True when the identity provider accepted the revocation.</returns>
    public async Task<bool> RevokeAsync(string refreshToken, CancellationToken cancellationToken)
    {
        try
        {
            var configuration = await metadata.GetAsync(cancellationToken);
            if (string.IsNullOrEmpty(configuration.RevocationEndpoint))
            {
                logger.LogWarning("The identity provider names no revocation endpoint; the refresh token lapses on its own");
                return false;
            }

            using var response = await httpClients.CreateClient(HttpClientName).RevokeTokenAsync(Authenticate(new TokenRevocationRequest
            {
                Address = configuration.RevocationEndpoint,
                Token = refreshToken,
                TokenTypeHint = "refresh_token",
            }), cancellationToken);
            if (response.IsError) logger.LogWarning("Revoking the refresh token failed: {Error}", response.Error);
            return !response.IsError;
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            logger.LogWarning("Revoking the refresh token failed: {Reason}", exception.Message);
            return false;
        }
    }

    // client_secret_basic, form-encoded first (RFC 6749 2.3.1), as the services' token requests do.
    private T Authenticate<T>(T request) where T : ProtocolRequest
    {
        request.ClientId = settings.ClientId;
        request.ClientSecret = settings.ClientSecret;
        request.ClientCredentialStyle = ClientCredentialStyle.AuthorizationHeader;
        request.AuthorizationHeaderStyle = BasicAuthenticationHeaderStyle.Rfc6749;
        return request;
    }
}
