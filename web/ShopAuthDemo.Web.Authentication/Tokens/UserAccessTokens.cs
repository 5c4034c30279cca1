using System.Collections.Concurrent;
using Duende.IdentityModel.Client;
using Microsoft.Extensions.Logging;
using ShopAuthDemo.ServiceDefaults.TokenManagement;
using ShopAuthDemo.Web.Authentication.Sessions;

namespace ShopAuthDemo.Web.Authentication.Tokens;

/// <summary>
/// Hands out a session's access token, renewing it with the refresh token shortly before it expires.
/// Works from anywhere that knows the session key — an HTTP request or an interactive Blazor circuit —
/// because the tokens live in <see cref="IUserSessionStore"/>, not in the cookie.
/// </summary>
public sealed class UserAccessTokens(
    IUserSessionStore sessions,
    TokenEndpointClient identityProvider,
    SessionEnd sessionEnd,
    TimeProvider time,
    ILogger<UserAccessTokens> logger)
{
    // The refresh's result is shared by every waiter, so no single caller's cancellation may stop it.
    private static readonly TimeSpan RefreshTimeout = TimeSpan.FromSeconds(20);

    private readonly ConcurrentDictionary<string, Lazy<Task<UserTokens>>> _refreshing = new(StringComparer.Ordinal);

    /// <exception cref="SessionEndedException">Signing in again is needed.</exception>
    /// <exception cref="IdentityProviderUnavailableException">The token expired and could not be renewed now.</exception>
    public Task<string> GetAccessTokenAsync(string sessionKey, CancellationToken cancellationToken) =>
        GetAsync(sessionKey, rejectedAccessToken: null, cancellationToken);

    /// <summary>An API refused this token (401): renew it once, unless another caller already did.</summary>
    public Task<string> RenewRejectedAsync(string sessionKey, string rejectedAccessToken, CancellationToken cancellationToken) =>
        GetAsync(sessionKey, rejectedAccessToken, cancellationToken);

    public async Task<UserTokens?> PeekAsync(string? sessionKey) => (await sessions.FindAsync(sessionKey))?.Tokens;

    private async Task<string> GetAsync(string sessionKey, string? rejectedAccessToken, CancellationToken cancellationToken)
    {
        var tokens = await CurrentAsync(sessionKey);
        if (!MustRenew(tokens, rejectedAccessToken)) return tokens.AccessToken;

        // Single flight per session: the identity provider rotates refresh tokens (each works once), so two
        // concurrent refreshes would make one fail with invalid_grant. Callers of one session share one.
        var refresh = _refreshing.GetOrAdd(sessionKey, key => new(() => RefreshAsync(key, rejectedAccessToken)));
        try
        {
            return (await refresh.Value.WaitAsync(cancellationToken)).AccessToken;
        }
        finally
        {
            _refreshing.TryRemove(new(sessionKey, refresh));
        }
    }

    private async Task<UserTokens> RefreshAsync(string sessionKey, string? rejectedAccessToken)
    {
        // Across replicas (the single flight above is per process): one renewal of this session at a time.
        IAsyncDisposable renewal;
        try
        {
            using var wait = new CancellationTokenSource(RefreshTimeout);
            renewal = await sessions.LockForRefreshAsync(sessionKey, wait.Token);
        }
        catch (OperationCanceledException exception)
        {
            var current = await CurrentAsync(sessionKey);
            return MustRenew(current, rejectedAccessToken) ? Unavailable(current, null, "another replica is still renewing", exception) : current;
        }
        await using (renewal) return await RefreshHoldingLockAsync(sessionKey, rejectedAccessToken);
    }

    private async Task<UserTokens> RefreshHoldingLockAsync(string sessionKey, string? rejectedAccessToken)
    {
        // Another flight, here or on another replica, may have finished just before this one started.
        var session = await sessions.FindAsync(sessionKey);
        var tokens = session?.Tokens ?? throw new SessionEndedException("You are not signed in, or your session has ended.");
        if (!MustRenew(tokens, rejectedAccessToken)) return tokens;
        var subject = session.Subject;
        if (tokens.RefreshToken is null) return await UnrenewableAsync(tokens, sessionKey, "the identity provider issued no refresh token");

        TokenResponse response;
        try
        {
            using var timeout = new CancellationTokenSource(RefreshTimeout);
            response = await identityProvider.RefreshAsync(tokens.RefreshToken, timeout.Token);
        }
        catch (TokenRequestException exception) when (exception.Refused)
        {
            // invalid_grant: the identity provider ended the session (logout elsewhere, idle timeout, revoked).
            logger.LogInformation("Refresh for {Sub} refused ({Error}); ending the local session", subject, exception.Error);
            await sessions.RemoveAsync(sessionKey);
            throw new SessionEndedException("Your session has ended at the sign-in server.");
        }
        catch (Exception exception) when (exception is TokenRequestException or HttpRequestException or OperationCanceledException or InvalidOperationException)
        {
            return Unavailable(tokens, subject, exception.Message, exception);
        }

        using (response)
        {
            var now = time.GetUtcNow();
            var renewed = new UserTokens(
                response.AccessToken!,
                response.RefreshToken ?? tokens.RefreshToken,
                response.IdentityToken ?? tokens.IdToken,
                now,
                now.AddSeconds(response.ExpiresIn > 0 ? response.ExpiresIn : 60));

            if (!await sessions.UpdateTokensAsync(sessionKey, renewed))
            {
                // Signed out (back-channel logout) while this refresh was under way: drop what it got.
                await sessionEnd.RevokeAsync(renewed.RefreshToken, subject, session.IdentityProviderSessionId);
                throw new SessionEndedException("You have been signed out.");
            }

            logger.LogInformation("Access token of {Sub} renewed with the refresh token, valid until {ExpiresAt:O}", subject, renewed.ExpiresAt);
            return renewed;
        }
    }

    private async Task<UserTokens> CurrentAsync(string sessionKey) =>
        (await sessions.FindAsync(sessionKey))?.Tokens ?? throw new SessionEndedException("You are not signed in, or your session has ended.");

    private bool MustRenew(UserTokens tokens, string? rejectedAccessToken) =>
        tokens.NeedsRefresh(time.GetUtcNow()) || (rejectedAccessToken is not null && tokens.AccessToken == rejectedAccessToken);

    // The identity provider is down: a token that is still valid is better than none.
    private UserTokens Unavailable(UserTokens tokens, string? subject, string reason, Exception? exception)
    {
        logger.LogWarning("Could not renew the access token of {Sub}: {Reason}", subject, reason);
        return tokens.IsExpired(time.GetUtcNow())
            ? throw new IdentityProviderUnavailableException(
                "The sign-in server could not be reached to renew your access. Try again in a minute; nothing you entered is lost.", exception)
            : tokens;
    }

    private async Task<UserTokens> UnrenewableAsync(UserTokens tokens, string sessionKey, string reason)
    {
        if (!tokens.IsExpired(time.GetUtcNow())) return tokens;
        logger.LogInformation("Access token expired and cannot be renewed ({Reason}); ending the local session", reason);
        await sessions.RemoveAsync(sessionKey);
        throw new SessionEndedException("Your session has expired.");
    }
}
