using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using ShopAuthDemo.Tests.Support;

namespace ShopAuthDemo.Tests.Authentication.Support;

// Plays the identity provider's discovery document. Publish swaps in a new one at once, as a metadata refresh
// after a key change would; PublishAtIdentityProvider only changes what the next fetch finds. RequestRefresh
// fetches as IdentityModel's ConfigurationManager does: at most once per RefreshInterval, counted in Fetches.
public sealed class SwitchableConfigurationManager : BaseConfigurationManager
{
    private readonly Lock _gate = new();
    private OpenIdConnectConfiguration _current;
    private SecurityKey[] _atIdentityProvider;
    private DateTimeOffset _lastFetch = DateTimeOffset.MinValue;
    private int _fetches;

    public SwitchableConfigurationManager(params SecurityKey[] signingKeys)
    {
        _atIdentityProvider = signingKeys;
        _current = Publishing(signingKeys);
        // As the shared JWT set-up configures discovery: a withdrawn key is not honoured from memory.
        UseLastKnownGoodConfiguration = false;
    }

    public int Fetches => Volatile.Read(ref _fetches);

    public void Publish(params SecurityKey[] signingKeys)
    {
        lock (_gate)
        {
            _atIdentityProvider = signingKeys;
            Volatile.Write(ref _current, Publishing(signingKeys));
        }
    }

    public void PublishAtIdentityProvider(params SecurityKey[] signingKeys)
    {
        lock (_gate) _atIdentityProvider = signingKeys;
    }

    public override Task<BaseConfiguration> GetBaseConfigurationAsync(CancellationToken cancel) =>
        Task.FromResult<BaseConfiguration>(Volatile.Read(ref _current));

    public override void RequestRefresh()
    {
        lock (_gate)
        {
            var now = DateTimeOffset.UtcNow;
            if (_lastFetch != DateTimeOffset.MinValue && now < _lastFetch + RefreshInterval) return;
            _lastFetch = now;
            Interlocked.Increment(ref _fetches);
            Volatile.Write(ref _current, Publishing(_atIdentityProvider));
        }
    }

    private static OpenIdConnectConfiguration Publishing(SecurityKey[] signingKeys)
    {
        var configuration = new OpenIdConnectConfiguration { Issuer = TestTokenIssuer.Authority };
        foreach (var key in signingKeys)
        {
            configuration.SigningKeys.Add(key);
        }
        return configuration;
    }
}
