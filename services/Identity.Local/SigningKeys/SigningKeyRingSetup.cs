using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace ShopAuthDemo.Identity.Local.SigningKeys;

internal static class SigningKeyRingSetup
{
    /// <summary>Signing keys from a <see cref="SigningKeyRing"/> that can rotate while the server runs.</summary>
    public static OpenIddictServerBuilder UseSigningKeyRing(this OpenIddictServerBuilder server)
    {
        server.Services.AddSingleton<SigningKeyRing>();
        server.Services.AddSingleton<SigningKeyRingServerOptions>();
        server.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>>(
            provider => provider.GetRequiredService<SigningKeyRingServerOptions>());
        server.Services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>>(
            provider => provider.GetRequiredService<SigningKeyRingServerOptions>());
        return server.AddEventHandler(SignWithCurrentKey.Descriptor);
    }
}
