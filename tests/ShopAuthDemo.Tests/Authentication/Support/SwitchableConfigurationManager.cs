using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using ShopAuthDemo.Tests.Support;

namespace ShopAuthDemo.Tests.Authentication.Support;

// Plays the identity provider's discovery document; a test swaps in a new one to "rotate" the keys,
// as a metadata refresh after a key change would.
public sealed class SwitchableConfigurationManager : BaseConfigurationManager
{
    private OpenIdConnectConfiguration _current;

    public SwitchableConfigurationManager(params SecurityKey[] signingKeys)
    {
        _current = Publishing(signingKeys);
        // As the shared JWT set-up configures discovery: a withdrawn key is not honoured from memory.
        UseLastKnownGoodConfiguration = false;
    }

    public void Publish(params SecurityKey[] signingKeys) => Volatile.Write(ref _current, Publishing(signingKeys));

    public override Task<BaseConfiguration> GetBaseConfigurationAsync(CancellationToken cancel) =>
        Task.FromResult<BaseConfiguration>(Volatile.Read(ref _current));

    public override void RequestRefresh()
    {
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
