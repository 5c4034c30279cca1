using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Server;

namespace ShopAuthDemo.Identity.Local.SigningKeys;

/// <summary>
/// Gives OpenIddict the ring's keys, and has its options rebuilt at each rotation.
/// </summary>
/// <remarks>
/// OpenIddict reads <c>IOptionsMonitor&lt;OpenIddictServerOptions&gt;.CurrentValue</c> once per request, and
/// publishes the JWKS and checks its own codes and refresh tokens with the keys found there. The options
/// monitor drops its cached value and builds a new one when a change token it was given fires, so each
/// rotation yields a fresh, complete options object; a request in flight keeps the one it started with.
/// Editing the live <c>SigningCredentials</c> list instead would race with the requests reading it.
/// </remarks>
internal sealed class SigningKeyRingServerOptions(SigningKeyRing ring)
    : IConfigureOptions<OpenIddictServerOptions>, IOptionsChangeTokenSource<OpenIddictServerOptions>
{
    public string Name => Options.DefaultName;

    public void Configure(OpenIddictServerOptions options) =>
        options.SigningCredentials.AddRange(ring.Keys.Select(key => key.Credentials));

    public IChangeToken GetChangeToken() => ring.WhenRotated();
}
