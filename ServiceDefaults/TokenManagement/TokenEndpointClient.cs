using Duende.IdentityModel;
using Duende.IdentityModel.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ShopAuthDemo.ServiceDefaults.TokenManagement;

// The one client of the identity provider's token endpoint, for services and web apps alike: every request
// goes as Identity:ClientId to the address discovery names, and a failure becomes a TokenRequestException.
// Services ask for their own token or exchange a user's; web apps renew a user's and revoke it at logout.
// No caching here: that is AccessTokenCache's job in a service and the user's session's in a web app.
public class TokenEndpointClient(
    TokenClientSettings settings,
    IdentityProviderDiscovery discovery,
    IHttpClientFactory httpClientFactory,
    TokenManagementMetrics metrics,
    TimeProvider timeProvider,
    ILogger<TokenEndpointClient> logger)
{
    public string ClientId => settings.ClientId;

    public async Task<CachedAccessToken> RequestClientCredentialsTokenAsync(TokenCacheKey key, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(key, userToken: null, async (client, address) =>
        {
            var request = Authenticate(new ClientCredentialsTokenRequest { Address = address, Scope = key.Scope });
            // Keycloak ignores it for this grant (its scopes carry audience mappers); providers such as Auth0 need it.
            if (key.Audience is not null)
            {
                request.Parameters.Add(OidcConstants.TokenRequest.Audience, key.Audience);
            }

            return await client.RequestClientCredentialsTokenAsync(request, cancellationToken);
        }, cancellationToken);
        return CachedAccessToken.Issued(response.AccessToken!, response.ExpiresIn, timeProvider.GetUtcNow());
    }

    public async Task<CachedAccessToken> RequestTokenExchangeTokenAsync(TokenCacheKey key, string subjectToken, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(key, ("[subject token]", subjectToken), (client, address) =>
            client.RequestTokenExchangeTokenAsync(Authenticate(new TokenExchangeTokenRequest
            {
                Address = address,
                SubjectToken = subjectToken,
                SubjectTokenType = OidcConstants.TokenTypeIdentifiers.AccessToken,
                Audience = key.Audience,
                Scope = key.Scope,
            }), cancellationToken), cancellationToken);
        return CachedAccessToken.Issued(response.AccessToken!, response.ExpiresIn, timeProvider.GetUtcNow());
    }

    /// <summary>Renews a user's tokens. The answer carries the rotated refresh token and a new ID token: the caller keeps them and disposes it.</summary>
    /// <exception cref="TokenRequestException"><see cref="TokenRequestException.Refused"/> when the grant is no good any more (invalid_grant).</exception>
    public Task<TokenResponse> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        SendAsync(TokenCacheKey.RefreshToken(ClientId), ("[refresh token]", refreshToken), (client, address) =>
            client.RequestRefreshTokenAsync(Authenticate(new RefreshTokenRequest { Address = address, RefreshToken = refreshToken }),
                cancellationToken), cancellationToken);

    /// <summary>
    /// Revokes the refresh token (RFC 7009), so a copy of it is worthless after logout. Failures are logged
    /// and swallowed: the user's logout must go on even if the identity provider does not answer.
    /// </summary>
    /// <returns>True when the identity provider accepted the revocation.</returns>
    public async Task<bool> RevokeAsync(string refreshToken, CancellationToken cancellationToken)
    {
        try
        {
            if (await discovery.GetRevocationEndpointAsync(cancellationToken) is not { } address)
            {
                logger.LogWarning("The identity provider names no revocation endpoint; the refresh token lapses on its own");
                return false;
            }

            using var response = await httpClientFactory.CreateClient(TokenManagementExtensions.HttpClientName).RevokeTokenAsync(
                Authenticate(new TokenRevocationRequest { Address = address, Token = refreshToken, TokenTypeHint = "refresh_token" }),
                cancellationToken);
            if (response.IsError) logger.LogWarning("Revoking the refresh token failed: {Error}", response.Error);
            return !response.IsError;
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or TaskCanceledException)
        {
            logger.LogWarning("Revoking the refresh token failed: {Reason}", exception.Message);
            return false;
        }
    }

    // client_secret_basic rather than post: RFC 6749 requires every server to support it and calls a secret
    // in the request body "NOT RECOMMENDED" (Keycloak and Identity.Local accept both).
    private T Authenticate<T>(T request) where T : ProtocolRequest
    {
        request.ClientId = settings.ClientId;
        request.ClientSecret = settings.ClientSecret;
        request.ClientCredentialStyle = ClientCredentialStyle.AuthorizationHeader;
        // Form-encodes id and secret before base64, as RFC 6749 2.3.1 asks and Keycloak expects.
        request.AuthorizationHeaderStyle = BasicAuthenticationHeaderStyle.Rfc6749;
        return request;
    }

    // Returns only an answer with an access token; the caller disposes it.
    private async Task<TokenResponse> SendAsync(TokenCacheKey key, (string Label, string Value)? userToken,
        Func<HttpClient, string, Task<TokenResponse>> send, CancellationToken cancellationToken)
    {
        logger.RequestingToken(key.GrantType, key.ClientId, key.Audience, key.Scope);

        string address;
        try
        {
            address = await discovery.GetTokenEndpointAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            metrics.TokenRequested(key, "discovery");
            throw new TokenRequestException(
                $"Could not find the token endpoint of {settings.Authority} for a {key.GrantType} token: {exception.Message}",
                "discovery", innerException: exception);
        }

        var response = await send(httpClientFactory.CreateClient(TokenManagementExtensions.HttpClientName), address);

        if (response.IsError || string.IsNullOrEmpty(response.AccessToken))
        {
            using (response)
            {
                // Some providers echo the request in error_description; neither the secret nor the user's token may leave here.
                var failure = TokenRequestException.From(response, key, text => Redact(text, userToken));
                metrics.TokenRequested(key, failure.Error);
                logger.TokenRequestFailed(key.GrantType, key.ClientId, key.Audience, key.Scope, failure.Error, failure.ErrorDescription);
                throw failure;
            }
        }

        metrics.TokenRequested(key, errorType: null);
        logger.ReceivedToken(key.GrantType, key.ClientId, key.Audience, key.Scope, response.ExpiresIn);
        return response;
    }

    private string? Redact(string? text, (string Label, string Value)? userToken)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        text = text.Replace(settings.ClientSecret, "[secret]", StringComparison.Ordinal);
        return userToken is not { Value.Length: > 0 } token ? text : text.Replace(token.Value, token.Label, StringComparison.Ordinal);
    }
}
