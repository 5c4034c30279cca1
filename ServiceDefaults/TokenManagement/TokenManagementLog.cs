using Microsoft.Extensions.Logging;

namespace ShopAuthDemo.ServiceDefaults.TokenManagement;

// Who asked for which token and what happened; never the token, the subject token or the secret.
internal static partial class TokenManagementLog
{
    [LoggerMessage(LogLevel.Debug, "Requesting a {GrantType} token for client {ClientId}, audience {Audience}, scope {Scope}")]
    public static partial void RequestingToken(this ILogger logger, string grantType, string clientId, string? audience, string? scope);

    [LoggerMessage(LogLevel.Information, "Received a {GrantType} token for client {ClientId}, audience {Audience}, scope {Scope}, expiring in {ExpiresIn} s")]
    public static partial void ReceivedToken(this ILogger logger, string grantType, string clientId, string? audience, string? scope, int expiresIn);

    [LoggerMessage(LogLevel.Warning, "The {GrantType} token request for client {ClientId}, audience {Audience}, scope {Scope} failed: {Error} {ErrorDescription}")]
    public static partial void TokenRequestFailed(this ILogger logger, string grantType, string clientId, string? audience, string? scope, string? error, string? errorDescription);

    [LoggerMessage(LogLevel.Information, "{Host} answered 401 to a {GrantType} token for audience {Audience}, scope {Scope}: renewing the token and retrying once")]
    public static partial void RenewingAfterUnauthorized(this ILogger logger, string? host, string grantType, string? audience, string? scope);
}
