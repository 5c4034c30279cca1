using System.ComponentModel;

namespace ShopAuthDemo.ServiceDefaults.TokenManagement;

// What the cache holds: the token and the moment to stop handing it out.
// Immutable, so HybridCache keeps the instance in memory instead of re-serializing it on every read.
[ImmutableObject(true)]
public sealed record CachedAccessToken(string AccessToken, DateTimeOffset RenewAt)
{
    // Covers clock skew between us, the identity provider and the callee, plus the time the request
    // takes to arrive: a token still valid when we attach it can expire before the callee checks it.
    private static readonly TimeSpan MaximumRenewalBuffer = TimeSpan.FromSeconds(30);

    public static CachedAccessToken Issued(string accessToken, int expiresInSeconds, DateTimeOffset now)
    {
        // No expires_in: we cannot know when it expires, so it is used for this call only.
        if (expiresInSeconds <= 0)
        {
            return new(accessToken, now);
        }

        // A 30 s buffer on a 20 s token would make every token stale on arrival and every call fetch a
        // new one; a quarter of a short lifetime still leaves margin and keeps the cache useful.
        var lifetime = TimeSpan.FromSeconds(expiresInSeconds);
        var buffer = TimeSpan.FromTicks(Math.Min(MaximumRenewalBuffer.Ticks, lifetime.Ticks / 4));
        return new(accessToken, now + lifetime - buffer);
    }

    public bool IsDueForRenewal(DateTimeOffset now) => now >= RenewAt;

    // Records print their members; a token must never end up in a log line.
    public override string ToString() => $"{nameof(CachedAccessToken)} {{ RenewAt = {RenewAt:O} }}";
}
