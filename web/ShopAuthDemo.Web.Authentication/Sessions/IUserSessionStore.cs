namespace ShopAuthDemo.Web.Authentication.Sessions;

/// <summary>
/// Every signed-in session of this app, on the server. The browser's cookie carries only a session key, so
/// removing a session here signs that browser out at once — even a copy of its cookie stops working.
/// </summary>
/// <remarks>
/// Two backends: <see cref="InMemoryUserSessionStore"/> (one replica; a restart signs everyone out) and
/// <see cref="RedisUserSessionStore"/> (every replica serves every browser; a restart signs nobody out).
/// An ended session is never brought back by a late update: that would undo a logout.
/// </remarks>
public interface IUserSessionStore
{
    /// <summary>
    /// True when <see cref="FindAsync"/> hands out the very session it keeps (in this process's memory): a caller that
    /// changes the ticket must change a copy. A store that reads every session from outside the process hands out a
    /// fresh one each time, and copying it again would only repeat the decoding on every request.
    /// </summary>
    bool HandsOutStoredInstances { get; }

    Task SaveAsync(UserSession session);

    /// <returns>Null for an unknown, ended or expired session.</returns>
    Task<UserSession?> FindAsync(string? key);

    /// <summary>Replaces the ticket (the cookie handler renewed it) but keeps the tokens, which may be newer.</summary>
    /// <returns>False when the session ended meanwhile.</returns>
    Task<bool> UpdateTicketAsync(string key, Func<UserSession, UserSession> update);

    /// <summary>Stores refreshed tokens; false when the session ended meanwhile.</summary>
    Task<bool> UpdateTokensAsync(string key, UserTokens tokens);

    /// <returns>The session that ended, or null when there was none (only one caller gets it).</returns>
    Task<UserSession?> RemoveAsync(string? key);

    /// <summary>
    /// Ends the sessions a back-channel logout names: those of one identity-provider session (<c>sid</c>), or
    /// every session of the user (<c>sub</c>) when no <c>sid</c> is given.
    /// </summary>
    Task<IReadOnlyList<UserSession>> EndForIdentityProviderAsync(string? sid, string? sub);

    /// <summary>
    /// Held while one caller renews the session's tokens. Refresh tokens work once, and the identity provider
    /// revokes every token of the sign-in when an old one is redeemed again (reuse detection): two replicas
    /// renewing the same session at once would end it.
    /// </summary>
    Task<IAsyncDisposable> LockForRefreshAsync(string key, CancellationToken cancellationToken);
}
