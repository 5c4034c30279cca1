using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace ShopAuthDemo.Identity.Local.Endpoints;

public static class OidcErrors
{
    /// <summary>An OAuth error response (RFC 6749 §5.2) written by OpenIddict in the protocol's own format.</summary>
    public static IResult Reject(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
