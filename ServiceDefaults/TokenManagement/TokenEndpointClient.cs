using Duende.IdentityModel;
using Duende.IdentityModel.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ShopAuthDemo.ServiceDefaults.TokenManagement;

// Sends the two token requests this service makes, as Identity:ClientId, and turns failures into
// TokenRequestException. No caching here: that is AccessTokenCache's job.
public sealed class TokenEndpointClient(
    TokenClientSettings settings,
    TokenEndpointDiscovery discovery,
    IHttpClientFactory httpClientFactory,
    TokenManagementMetrics metrics,
    TimeProvider timeProvider,
    ILogger<TokenEndpointClient> logger)
{
    public string ClientId => settings.ClientId;

    public Task<CachedAccessToken> RequestClientCredentialsTokenAsync(TokenCacheKey key, CancellationToken cancellationToken) =>
        SendAsync(key, subjectToken: null, async (client, address) =>
        {
            var request = Authenticate(new ClientCredentialsTokenRequest { Address = address, Scope = key.Scope });
            // Keycloak ignores it for this grant (its scopes carry audience mappers); providers such as Auth0 need it.
            if (key.Audience is not null)
            {
                request.Parameters.Add(OidcConstants.TokenRequest.Audience, key.Audience);
            }

            return await client.RequestClientCredentialsTokenAsync(request, cancellationToken);
        }, cancellationToken);

    public Task<CachedAccessToken> RequestTokenExchangeTokenAsync(TokenCacheKey key, string subjectToken, CancellationToken cancellationToken) =>
        SendAsync(key, subjectToken, (client, address) => client.RequestTokenExchangeTokenAsync(Authenticate(new TokenExchangeTokenRequest
        {
            Address = address,
            SubjectToken = subjectToken,
            SubjectTokenType = OidcConstants.TokenTypeIdentifiers.AccessToken,
            Audience = key.Audience,
            Scope = key.Scope,
        }), cancellationToken), cancellationToken);

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

    private async Task<CachedAccessToken> SendAsync(
        TokenCacheKey key, string? subjectToken, Func<HttpClient, string, Task<TokenResponse>> send, CancellationToken cancellationToken)
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

        using var response = await send(httpClientFactory.CreateClient(TokenManagementExtensions.HttpClientName), address);

        if (response.IsError || string.IsNullOrEmpty(response.AccessToken))
        {
            // Some providers echo the request in error_description; neither the secret nor the user's token may leave here.
            var failure = TokenRequestException.From(response, key, text => Redact(text, subjectToken));
            metrics.TokenRequested(key, failure.Error);
            logger.TokenRequestFailed(key.GrantType, key.ClientId, key.Audience, key.Scope, failure.Error, failure.ErrorDescription);
            throw failure;
        }

        metrics.TokenRequested(key, errorType: null);
        logger.ReceivedToken(key.GrantType, key.ClientId, key.Audience, key.Scope, response.ExpiresIn);
        return CachedAccessToken.Issued(response.AccessToken, response.ExpiresIn, timeProvider.GetUtcNow());
    }

    private string? Redact(string? text, string? subjectToken)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        text = text.Replace(settings.ClientSecret, "[secret]", StringComparison.Ordinal);
        return string.IsNullOrEmpty(subjectToken) ? text : text.Replace(subjectToken, "[subject token]", StringComparison.Ordinal);
    }
}
