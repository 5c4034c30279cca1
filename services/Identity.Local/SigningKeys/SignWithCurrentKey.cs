using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ShopAuthDemo.Identity.Local.SigningKeys;

/// <summary>Every token OpenIddict creates (access, ID, refresh, code) is signed with the ring's current key.</summary>
/// <remarks>
/// OpenIddict signs with the first key of its options after sorting them, and its sort gives no order to
/// two plain RSA keys; naming the key here makes "the newest key signs" a rule rather than a coincidence.
/// </remarks>
internal sealed class SignWithCurrentKey(SigningKeyRing ring) : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
            .UseSingletonHandler<SignWithCurrentKey>()
            .SetOrder(OpenIddictServerHandlers.Protection.AttachSecurityCredentials.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(GenerateTokenContext context)
    {
        context.SigningCredentials = ring.Current.Credentials;
        return ValueTask.CompletedTask;
    }
}
