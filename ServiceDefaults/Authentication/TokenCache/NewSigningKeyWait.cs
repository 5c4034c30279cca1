using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ShopAuthDemo.ServiceDefaults.Authentication.TokenCache;

/// <summary>
/// A short, shared wait for the next fetch of the identity provider's keys, so that a request whose kid the
/// service has not seen yet (a rotated key) succeeds instead of getting 401.
/// </summary>
/// <remarks>
/// On an unknown kid IdentityModel asks for the keys again in the background and refuses the token at once.
/// Its process-wide "blocking refresh" switch would fix that but puts every fetch, including those during an
/// identity provider outage, on the request path. This waits instead only for tokens with an unknown kid:
/// they all wait for the same next fetch and then check it for their own kid. A forged kid cannot hold the
/// wait, and IdentityModel fetches at most once per refresh interval however often it is asked, so a genuine
/// key published right after a forged kid is accepted within that interval.
/// <para>
/// A wait is a request held open for up to that interval, which forged kids could use to tie up connections
/// cheaply. So a request waits only where waiting can help:
/// - not if a fetch made after the token was issued already lacked its kid: an identity provider publishes
///   a key before it signs with it, so that kid can never appear. (A token without iat, or with one in the
///   future, is left to the next rule: a forger can choose its iat.)
/// - not beyond <c>maxWaiting</c> requests at once: the rest get 401 at once, as without this wait; once the
///   fetch lands, a genuine new kid passes without waiting.
/// - not while the identity provider is down: a wait in which no fetch arrived holds further waits off.
/// </para>
/// </remarks>
internal sealed class NewSigningKeyWait(TimeSpan refreshInterval, int maxWaiting, TimeProvider time)
{
    // How long one fetch from a healthy identity provider may take.
    private static readonly TimeSpan FetchAllowance = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan HoldOffWithoutAnswer = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    // The keys a wait saw arrive, and the earliest moment the identity provider can have sent them.
    private sealed record Fetch(BaseConfiguration Keys, DateTimeOffset SentAfter);

    private readonly Lock _gate = new();
    private Task<BaseConfiguration?>? _nextFetch;
    private DateTimeOffset _holdOffUntil = DateTimeOffset.MinValue;
    private Fetch? _lastFetch;
    private int _waiting;

    /// <summary>True once the identity provider's keys list the token's kid; false if the next fetch does not, or no wait can help.</summary>
    /// <param name="clockSkew">How far the identity provider's clock may be from ours.</param>
    public async Task<bool> ForKeyAsync(BaseConfigurationManager keys, JsonWebToken token, TimeSpan clockSkew)
    {
        // The fetch the JWT handler started may have landed already.
        if (Lists(await CurrentAsync(keys), token.Kid))
        {
            return true;
        }
        if (IsIssuedBeforeAFetchWithoutItsKey(token, clockSkew))
        {
            return false;
        }

        if (Interlocked.Increment(ref _waiting) > maxWaiting)
        {
            Interlocked.Decrement(ref _waiting);
            return false;
        }
        try
        {
            return JoinNextFetch(keys) is { } nextFetch && Lists(await nextFetch.ConfigureAwait(false), token.Kid);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    // The iat counts only if it lies before the fetch by more than the clock skew: the identity provider's
    // clock may be behind ours. A token without iat, or with one in the future, never qualifies.
    private bool IsIssuedBeforeAFetchWithoutItsKey(JsonWebToken token, TimeSpan clockSkew) =>
        IssuedAt(token) is { } issuedAt
        && Volatile.Read(ref _lastFetch) is { } fetch
        && issuedAt < fetch.SentAfter - clockSkew
        && !Lists(fetch.Keys, token.Kid);

    // The wait in progress, or a new one; null while waits are held off.
    private Task<BaseConfiguration?>? JoinNextFetch(BaseConfigurationManager keys)
    {
        lock (_gate)
        {
            if (_nextFetch is not { IsCompleted: false })
            {
                if (time.GetUtcNow() < _holdOffUntil)
                {
                    return null;
                }
                _nextFetch = NextFetchAsync(keys);
            }
            return _nextFetch;
        }
    }

    // The first discovery document fetched after this wait began; null if none came within one refresh interval and a fetch.
    private async Task<BaseConfiguration?> NextFetchAsync(BaseConfigurationManager keys)
    {
        await Task.Yield();
        var before = await CurrentAsync(keys).ConfigureAwait(false);
        var deadline = time.GetUtcNow() + refreshInterval + FetchAllowance;
        while (time.GetUtcNow() < deadline)
        {
            // IdentityModel starts a fetch only once the refresh interval since the last one has passed; asking is free.
            keys.RequestRefresh();
            await Task.Delay(PollInterval, time).ConfigureAwait(false);
            if (await CurrentAsync(keys).ConfigureAwait(false) is { } current && !ReferenceEquals(current, before))
            {
                // Seen within a poll of its arrival; the allowance covers the fetch itself.
                Volatile.Write(ref _lastFetch, new Fetch(current, time.GetUtcNow() - PollInterval - FetchAllowance));
                return current;
            }
        }

        lock (_gate)
        {
            _holdOffUntil = time.GetUtcNow() + HoldOffWithoutAnswer;
        }
        return null;
    }

    private static async Task<BaseConfiguration?> CurrentAsync(BaseConfigurationManager keys)
    {
        try
        {
            return await keys.GetBaseConfigurationAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The identity provider is unreachable and no keys are in memory: nothing to check yet.
            return null;
        }
    }

    // Null without an iat; such a token gets no shortcut.
    private static DateTimeOffset? IssuedAt(JsonWebToken token)
    {
        try
        {
            return token.IssuedAt == DateTime.MinValue ? null : new DateTimeOffset(DateTime.SpecifyKind(token.IssuedAt, DateTimeKind.Utc));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool Lists(BaseConfiguration? configuration, string kid) =>
        configuration?.SigningKeys.Any(key => key.KeyId == kid) is true;
}
