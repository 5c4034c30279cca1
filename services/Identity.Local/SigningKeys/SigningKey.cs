using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace ShopAuthDemo.Identity.Local.SigningKeys;

/// <summary>One RSA key the realm signs tokens with (RS256), named in each token's header by its kid.</summary>
public sealed record SigningKey(string Kid, SigningCredentials Credentials)
{
    public static SigningKey CreateRsa()
    {
        var key = new RsaSecurityKey(RSA.Create(2048));
        // The RFC 7638 thumbprint of the public key: a kid that names this key and can never name another.
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return new(key.KeyId, new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
    }
}
