using Microsoft.IdentityModel.Tokens;

namespace ShopAuthDemo.ServiceDefaults.Authentication.TokenCache;

/// <summary>Notices when the identity provider's signing keys change, and flushes the cache when they do.</summary>
/// <remarks>
/// A removed key may mean a compromised key: nothing validated with it may be served any longer. An added
/// key flushes too; that costs one full validation per caller, and rotations are rare.
/// </remarks>
internal sealed class SigningKeyWatch(ValidatedTokenCache cache)
{
    // The object the keys came from (the discovery document, or static keys) and what its keys were.
    private sealed record Observed(object Source, string Fingerprint);

    private Observed? _observed;

    public bool HasObserved => Volatile.Read(ref _observed) is not null;

    public async Task ObserveAsync(TokenValidationParameters parameters, CancellationToken cancellationToken)
    {
        (object? Source, IEnumerable<SecurityKey> Keys) current;
        try
        {
            current = await CurrentKeysAsync(parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Identity provider unreachable and no keys yet: the full validation that follows reports it.
            return;
        }

        var (source, keys) = current;
        var observed = Volatile.Read(ref _observed);
        // The discovery document object only changes when it is fetched again, so this is one reference
        // comparison per request; fingerprints are computed on refresh only.
        if (source is null || ReferenceEquals(observed?.Source, source))
        {
            return;
        }

        var fingerprint = Fingerprint(keys);
        if (observed is not null && observed.Fingerprint != fingerprint)
        {
            cache.Flush();
        }
        Volatile.Write(ref _observed, new Observed(source, fingerprint));
    }

    private static async Task<(object? Source, IEnumerable<SecurityKey> Keys)> CurrentKeysAsync(
        TokenValidationParameters parameters, CancellationToken cancellationToken)
    {
        if (parameters.ConfigurationManager is { } manager)
        {
            var configuration = await manager.GetBaseConfigurationAsync(cancellationToken).ConfigureAwait(false);
            return (configuration, configuration?.SigningKeys ?? []);
        }

        if (parameters.IssuerSigningKeys is { } keys)
        {
            return (keys, keys);
        }

        return parameters.IssuerSigningKey is { } key ? (key, [key]) : (null, []);
    }

    // The RFC 7638 thumbprint identifies the key material itself, so a new key under an old kid counts too.
    private static string Fingerprint(IEnumerable<SecurityKey> keys) =>
        string.Join(',', keys
            .Select(key => key.CanComputeJwkThumbprint()
                ? Base64UrlEncoder.Encode(key.ComputeJwkThumbprint())
                : $"{key.GetType().Name}:{key.KeyId}")
            .Order(StringComparer.Ordinal));
}
