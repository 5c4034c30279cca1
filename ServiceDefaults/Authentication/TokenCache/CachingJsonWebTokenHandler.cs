using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ShopAuthDemo.ServiceDefaults.Authentication.TokenCache;

/// <summary>
/// The stock JWT handler with a <see cref="ValidatedTokenCache"/> in front: a token seen before, still
/// unexpired and validated against the current keys, is answered from the cache; anything else gets the
/// full validation, and only a successful one is remembered.
/// </summary>
/// <remarks>
/// The cache sits inside the handler, so JwtBearer's own behaviour is untouched: events, the refresh of
/// the keys on an unknown kid, the error responses.
/// </remarks>
public sealed class CachingJsonWebTokenHandler : JsonWebTokenHandler
{
    private readonly ValidatedTokenCache _cache;
    private readonly ValidatedTokenCacheOptions _options;
    private readonly TimeProvider _time;
    private readonly SigningKeyWatch _keyWatch;
    private readonly ValidatedTokenCacheMetrics _metrics;
    private readonly NewSigningKeyWait _newKeyWait;

    /// <param name="keyRefreshInterval">How often the JWT handler may fetch the keys again (JwtBearerOptions.RefreshInterval).</param>
    public CachingJsonWebTokenHandler(
        ValidatedTokenCache cache, ValidatedTokenCacheOptions options, TimeProvider time, ValidatedTokenCacheMetrics metrics,
        TimeSpan keyRefreshInterval)
    {
        _cache = cache;
        _options = options;
        _time = time;
        _metrics = metrics;
        _keyWatch = new SigningKeyWatch(cache);
        _newKeyWait = new NewSigningKeyWait(keyRefreshInterval, options.MaxWaitingForNewKey, time);
    }

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (string.IsNullOrEmpty(token) || validationParameters is null)
        {
            return await base.ValidateTokenAsync(token, validationParameters).ConfigureAwait(false);
        }

        // Only after a first success: before it nothing is cached, so there is nothing to flush, and reading
        // the keys here would be a second fetch, after the handler's own, when the identity provider is down.
        if (_keyWatch.HasObserved)
        {
            await _keyWatch.ObserveAsync(validationParameters).ConfigureAwait(false);
        }
        // Read before validating: if the keys change meanwhile, this result is stale and is not kept.
        var keySetVersion = _cache.KeySetVersion;
        if (_cache.TryGet(token, out var cached))
        {
            _metrics.Hit();
            return new TokenValidationResult
            {
                IsValid = true,
                SecurityToken = cached.Token,
                Issuer = cached.Issuer,
                // A copy per request: code that adds claims to its principal must not change the next request's.
                ClaimsIdentity = cached.Identity.Clone(),
            };
        }

        _metrics.Miss();
        var result = await base.ValidateTokenAsync(token, validationParameters).ConfigureAwait(false);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException
            && validationParameters.ConfigurationManager is { } keys
            // Without a kid no new key can ever match: nothing to wait for.
            && Read(token) is { Kid.Length: > 0 } jwt
            && await _newKeyWait.ForKeyAsync(keys, jwt, validationParameters.ClockSkew).ConfigureAwait(false))
        {
            // The identity provider now publishes the key: validate again, in full.
            result = await base.ValidateTokenAsync(token, validationParameters).ConfigureAwait(false);
        }

        if (result.IsValid && result.SecurityToken is { } validated)
        {
            if (!_keyWatch.HasObserved)
            {
                // The first success: the keys are in memory now, so noting which ones costs no fetch.
                await _keyWatch.ObserveAsync(validationParameters).ConfigureAwait(false);
            }
            _cache.Add(new CachedValidation(
                token,
                validated,
                result.ClaimsIdentity.Clone(),
                result.Issuer,
                ExpiresAt(validated),
                keySetVersion));
        }
        return result;
    }

    private JsonWebToken? Read(string token)
    {
        try
        {
            return ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // Never past exp (no clock skew: within the skew window the full validation decides), never longer
    // than the configured maximum.
    private DateTimeOffset ExpiresAt(SecurityToken token)
    {
        var maximum = _time.GetUtcNow() + _options.MaxEntryLifetime;
        var expires = new DateTimeOffset(DateTime.SpecifyKind(token.ValidTo, DateTimeKind.Utc));
        return token.ValidTo == DateTime.MinValue || expires > maximum ? maximum : expires;
    }
}
