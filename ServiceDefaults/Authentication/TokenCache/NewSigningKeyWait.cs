using Microsoft.IdentityModel.Tokens;

namespace ShopAuthDemo.ServiceDefaults.Authentication.TokenCache;

/// <summary>
/// A short, shared wait for a signing key the service has not seen yet, so that the request which first
/// meets a rotated key succeeds instead of getting 401.
/// </summary>
/// <remarks>
/// On an unknown kid IdentityModel asks for the keys again in the background and refuses the token at once.
/// Its process-wide "blocking refresh" switch would fix that but puts every fetch, including those during an
/// identity provider outage, on the request path (10 s per stalled fetch, cache hits included). This waits
/// instead only where it helps: for one unknown kid at a time, at most <c>maxWait</c>, and at most once per
/// refresh interval, so tokens with made-up kids cannot keep requests waiting.
/// </remarks>
internal sealed class NewSigningKeyWait(TimeSpan maxWait, TimeSpan minInterval, TimeProvider time)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    private readonly Lock _gate = new();
    private (string Kid, Task<bool> Published)? _pending;
    private DateTimeOffset _lastStarted = DateTimeOffset.MinValue;

    /// <summary>True once the discovery document lists <paramref name="kid"/>; false if it did not in time, or if no wait is allowed now.</summary>
    public Task<bool> ForKeyAsync(BaseConfigurationManager keys, string kid)
    {
        lock (_gate)
        {
            if (_pending is { } pending && !pending.Published.IsCompleted)
            {
                // Requests with the same new kid share the wait; another kid meanwhile does not start one.
                return pending.Kid == kid ? pending.Published : Task.FromResult(false);
            }

            var now = time.GetUtcNow();
            if (now - _lastStarted < minInterval)
            {
                return Task.FromResult(false);
            }

            _lastStarted = now;
            var published = WaitUntilPublishedAsync(keys, kid, now + maxWait);
            _pending = (kid, published);
            return published;
        }
    }

    private async Task<bool> WaitUntilPublishedAsync(BaseConfigurationManager keys, string kid, DateTimeOffset deadline)
    {
        while (time.GetUtcNow() < deadline)
        {
            try
            {
                var configuration = await keys.GetBaseConfigurationAsync(CancellationToken.None).ConfigureAwait(false);
                if (configuration?.SigningKeys.Any(key => key.KeyId == kid) is true)
                {
                    return true;
                }
            }
            catch (Exception)
            {
                // The identity provider is unreachable: keep polling until the deadline, then give up.
            }
            await Task.Delay(PollInterval, time).ConfigureAwait(false);
        }
        return false;
    }
}
