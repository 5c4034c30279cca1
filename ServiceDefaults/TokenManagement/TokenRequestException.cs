using Duende.IdentityModel;
using Duende.IdentityModel.Client;

namespace ShopAuthDemo.ServiceDefaults.TokenManagement;

// A token request that failed, with the OAuth error ("invalid_client", "invalid_grant", …) and its
// description. Never the client secret or the user's token: see Redact in TokenEndpointClient.
public sealed class TokenRequestException(
    string message, string error, string? errorDescription = null, Exception? innerException = null, bool refused = false)
    : Exception(message, innerException)
{
    public string Error { get; } = error;

    public string? ErrorDescription { get; } = errorDescription;

    /// <summary>
    /// The identity provider answered and turned the grant down (400 with an OAuth error, e.g. invalid_grant for a
    /// refresh token that was revoked or reused): asking again will not help. False when it could not be reached.
    /// </summary>
    public bool Refused { get; } = refused;

    public static TokenRequestException From(TokenResponse response, TokenCacheKey key, Func<string?, string?> redact)
    {
        // Keycloak answers a bad secret with 401 and an OAuth error body, so read "error" whatever the status.
        var error = response.TryGet(OidcConstants.TokenResponse.Error) ?? response.ErrorType switch
        {
            ResponseErrorType.Http => "http",
            ResponseErrorType.Exception => "exception",
            _ => "no_access_token",
        };
        var description = redact(response.ErrorDescription ?? response.ErrorType switch
        {
            ResponseErrorType.Http => $"HTTP {(int)response.HttpStatusCode} {response.HttpErrorReason}",
            ResponseErrorType.Exception => response.Exception?.Message,
            _ => null,
        });

        return new(
            $"The {key.GrantType} token request ({key.Describe()}) failed: {error}{(description is null ? "" : $" ({description})")}",
            error,
            description,
            refused: response.ErrorType == ResponseErrorType.Protocol);
    }
}
