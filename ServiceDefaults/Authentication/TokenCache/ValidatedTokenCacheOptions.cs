namespace ShopAuthDemo.ServiceDefaults.Authentication.TokenCache;

// "Identity": { "TokenCache": { "Enabled": true, "MaxEntries": 10000, "MaxEntryLifetime": "00:01:00", "MaxWaitingForNewKey": 100 } }
public sealed class ValidatedTokenCacheOptions
{
    public const string SectionName = "Identity:TokenCache";

    // On by default: an RSA verify per request costs more than the rest of a small API call.
    public bool Enabled { get; set; } = true;

    // Memory bound. An entry holds a parsed token and its claims, about 5-10 KB, so 10,000 ≈ 50-100 MB
    // at worst; busy services with many distinct callers should measure before raising it.
    public int MaxEntries { get; set; } = 10_000;

    // No entry outlives its token's exp; this also caps how long any one validation is trusted,
    // so a token is checked in full again at least this often.
    public TimeSpan MaxEntryLifetime { get; set; } = TimeSpan.FromMinutes(1);

    // Requests with an unknown kid that may wait at once for the next fetch of the signing keys (up to the
    // refresh interval + 2 s each); the rest get 401 at once. Caps what forged kids can hold open (a waiting
    // request is a parked continuation, not a thread), while a burst of genuine callers meeting a freshly
    // rotated key still gets through.
    public int MaxWaitingForNewKey { get; set; } = 100;
}
