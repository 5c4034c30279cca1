namespace ShopAuthDemo.Web.Authentication.Sessions;

/// <summary>The tokens of one signed-in session. They live only on the server, in <see cref="IUserSessionStore"/>.</summary>
/// <param name="IssuedAt">When the access token was obtained; with <paramref name="ExpiresAt"/> it gives the token's lifetime.</param>
public sealed record UserTokens(
    string AccessToken,
    string? RefreshToken,
    string? IdToken,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt)
{
    private static readonly TimeSpan MaximumRefreshMargin = TimeSpan.FromSeconds(30);

    // Renew a little before expiry, so a token never expires on its way to the API: 30 s, or a quarter of
    // the lifetime for short-lived tokens (a 20 s token would otherwise be renewed on every call).
    public bool NeedsRefresh(DateTimeOffset now)
    {
        var lifetime = ExpiresAt - IssuedAt;
        var margin = lifetime / 4 < MaximumRefreshMargin ? lifetime / 4 : MaximumRefreshMargin;
        return now >= ExpiresAt - margin;
    }

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    // A record prints all its members; tokens must never reach a log.
    public override string ToString() => $"{nameof(UserTokens)} {{ ExpiresAt = {ExpiresAt:O} }}";
}
