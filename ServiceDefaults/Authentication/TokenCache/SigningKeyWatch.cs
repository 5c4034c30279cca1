using Microsoft.IdentityModel.Tokens;

namespace ShopAuthDemo.ServiceDefaults.Authentication.TokenCache;

/// <summary>Notices when the identity provider's signing keys change, and flushes the cache when they do.</summary>
/// <remarks>
/// A removed key may mean a compromised key: nothing validated with it may be served any longer. An added
/// key flushes too; that costs one full validation per caller, and rotations are rare.
/// </remarks>
internal sealed class SigningKeyWatch(ValidatedTokenCache cache)
{
    // The discovery document last seen, and what its keys were.
    private sealed record Observed(BaseConfiguration Source, string Fingerprint);

    private Observed? _observed;

    public bool HasObserved => Volatile.Read(ref _observed) is not null;

    public async Task ObserveAsync(TokenValidationParameters parameters)
    {
        // JwtBearer always reads the keys from the identity provider's discovery document. Without one the
        // keys are fixed in the options and can never change under the cache.
        if (parameters.ConfigurationManager is not { } discovery)
        {
            return;
        }

        BaseConfiguration? configuration;
        try
        {
            configuration = await discovery.GetBaseConfigurationAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Identity provider unreachable and no keys yet: the full validation that follows reports it.
            return;
        }

        var observed = Volatile.Read(ref _observed);
        // The discovery document object only changes when it is fetched again, so this is one reference
        // comparison per request; fingerprints are computed on refresh only.
        if (configuration is null || ReferenceEquals(observed?.Source, configuration))
        {
            return;
        }

        var fingerprint = Fingerprint(configuration.SigningKeys);
        if (observed is not null && observed.Fingerprint != fingerprint)
        {
            cache.Flush();
        }
        Volatile.Write(ref _observed, new Observed(configuration, fingerprint));
    }

    // The RFC 7638 thumbprint identifies the key material itself, so a new key under an old kid counts too.
    private static string Fingerprint(IEnumerable<SecurityKey> keys) =>
        string.Join(',', keys
            .Select(key => key.CanComputeJwkThumbprint()
                ? Base64UrlEncoder.Encode(key.ComputeJwkThumbprint())
                : $"{key.GetType().Name}:{key.KeyId}")
            .Order(StringComparer.Ordinal));
}
