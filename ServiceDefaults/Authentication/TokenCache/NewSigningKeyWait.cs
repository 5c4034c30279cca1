using Microsoft.IdentityModel.Tokens;

namespace ShopAuthDemo.ServiceDefaults.Authentication.TokenCache;

/// <summary>
/// A short, shared wait for the next fetch of the identity provider's keys, so that a request whose kid the
/// service has not seen yet (a rotated key) succeeds instead of getting 401.
/// </summary>
/// <remarks>
/// On an unknown kid IdentityModel asks for the keys again in the background and refuses the token at once.
/// Its process-wide "blocking refresh" switch would fix that but puts every fetch, including those during an
/// identity provider outage, on the request path. This waits instead only where it helps, for tokens with an
/// unknown kid: every such request waits for the same next fetch and then checks that fetch for its own kid.
/// <para>
/// Nothing here can be held by a forged kid: a fetch that does not list it ends the wait for everyone (false
/// for the forger), and the next unknown kid waits for the next fetch. What forged kids can cost is bounded
/// by IdentityModel itself, which fetches at most once per refresh interval however often it is asked; a
/// genuine new key arriving right after a forged one waits at most that interval and is then accepted.
/// Only a wait in which no fetch arrives at all (identity provider down) holds further waits off for a while:
/// waiting on an identity provider that does not answer helps nobody.
/// </para>
/// </remarks>
internal sealed class NewSigningKeyWait(TimeSpan refreshInterval, TimeProvider time)
{
    // How long one fetch from a healthy identity provider may take.
    private static readonly TimeSpan FetchAllowance = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan HoldOffWithoutAnswer = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    private readonly Lock _gate = new();
    private Task<BaseConfiguration?>? _nextFetch;
    private DateTimeOffset _holdOffUntil = DateTimeOffset.MinValue;

    /// <summary>True once the identity provider's keys list <paramref name="kid"/>; false if the next fetch does not, or none came in time.</summary>
    public async Task<bool> ForKeyAsync(BaseConfigurationManager keys, string kid)
    {
        // The fetch the JWT handler started may have landed already.
        if (Lists(await CurrentAsync(keys), kid))
        {
            return true;
        }

        Task<BaseConfiguration?> nextFetch;
        lock (_gate)
        {
            if (_nextFetch is not { IsCompleted: false })
            {
                if (time.GetUtcNow() < _holdOffUntil)
                {
                    return false;
                }
                _nextFetch = NextFetchAsync(keys);
            }
            nextFetch = _nextFetch;
        }
        return Lists(await nextFetch.ConfigureAwait(false), kid);
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

    private static bool Lists(BaseConfiguration? configuration, string kid) =>
        configuration?.SigningKeys.Any(key => key.KeyId == kid) is true;
}
