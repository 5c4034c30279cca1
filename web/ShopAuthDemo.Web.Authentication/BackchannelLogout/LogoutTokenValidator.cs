using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ShopAuthDemo.Web.Authentication.Tokens;

namespace ShopAuthDemo.Web.Authentication.BackchannelLogout;

/// <summary>
/// Checks a logout token as OpenID Connect Back-Channel Logout 1.0 (section 2.6) asks. Anyone can POST to
/// /backchannel-logout, so without these checks anyone could sign any user out of this app.
/// </summary>
public sealed class LogoutTokenValidator(IdentityProviderMetadata metadata, ILogoutTokenReplayCache replays, TimeProvider time)
{
    public const string BackchannelLogoutEvent = "http://schemas.openid.net/event/backchannel-logout";

    /// <summary>How old a logout token may be: the identity provider sends it the moment the session ends.</summary>
    public static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public async Task<LogoutTokenValidationResult> ValidateAsync(string? logoutToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(logoutToken)) return LogoutTokenValidationResult.Invalid("logout_token is missing.");

        var signature = await ValidateSignatureAsync(logoutToken, cancellationToken);
        if (!signature.IsValid)
        {
            // An unknown key id may mean the identity provider rolled its keys: fetch them once more.
            if (signature.Exception is not SecurityTokenSignatureKeyNotFoundException) return Refused(signature);
            metadata.RequestRefresh();
            signature = await ValidateSignatureAsync(logoutToken, cancellationToken);
            if (!signature.IsValid) return Refused(signature);
        }

        return await ValidateClaimsAsync((JsonWebToken)signature.SecurityToken);
    }

    // Signature (the identity provider's JWKS), issuer, audience = this client, algorithm, expiry if present.
    private async Task<TokenValidationResult> ValidateSignatureAsync(string logoutToken, CancellationToken cancellationToken)
    {
        var configuration = await metadata.GetAsync(cancellationToken);
        return await new JsonWebTokenHandler().ValidateTokenAsync(logoutToken, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = metadata.ClientId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            // The spec makes exp optional; when it is there, it is checked. Freshness is checked on iat below.
            RequireExpirationTime = false,
            ClockSkew = ClockSkew,
        });
    }

    private async Task<LogoutTokenValidationResult> ValidateClaimsAsync(JsonWebToken token)
    {
        // An ID token or access token (same issuer, same key, maybe the same audience) is not a logout token.
        if (!token.TryGetPayloadValue<JsonElement>("events", out var events)
            || events.ValueKind != JsonValueKind.Object
            || !events.TryGetProperty(BackchannelLogoutEvent, out var logoutEvent)
            || logoutEvent.ValueKind != JsonValueKind.Object)
            return LogoutTokenValidationResult.Invalid("The token has no back-channel logout event.");

        // The spec forbids nonce in logout tokens, precisely so an ID token cannot pass for one.
        if (token.TryGetPayloadValue<object>("nonce", out _))
            return LogoutTokenValidationResult.Invalid("A logout token must not contain a nonce.");

        token.TryGetPayloadValue<string>("sid", out var sid);
        var sub = token.Subject;
        if (string.IsNullOrEmpty(sid) && string.IsNullOrEmpty(sub))
            return LogoutTokenValidationResult.Invalid("The token names neither a session (sid) nor a user (sub).");

        var now = time.GetUtcNow();
        if (!token.TryGetPayloadValue<long>("iat", out var issuedAtSeconds))
            return LogoutTokenValidationResult.Invalid("The token has no issue time (iat).");
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(issuedAtSeconds);
        if (issuedAt > now + ClockSkew || issuedAt < now - MaximumAge)
            return LogoutTokenValidationResult.Invalid("The token is too old, or issued in the future.");

        if (string.IsNullOrEmpty(token.Id))
            return LogoutTokenValidationResult.Invalid("The token has no id (jti).");
        if (!await replays.TryRememberAsync(token.Id, issuedAt + MaximumAge + ClockSkew))
            return LogoutTokenValidationResult.Invalid("This logout token was already used (replay).");

        return LogoutTokenValidationResult.Valid(string.IsNullOrEmpty(sid) ? null : sid, string.IsNullOrEmpty(sub) ? null : sub, token.Id);
    }

    private static LogoutTokenValidationResult Refused(TokenValidationResult result) =>
        LogoutTokenValidationResult.Invalid($"The token is not valid: {result.Exception?.GetType().Name ?? "unknown reason"}.");
}
