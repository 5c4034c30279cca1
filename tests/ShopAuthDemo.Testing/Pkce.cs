using System.Security.Cryptography;
using System.Text;

namespace ShopAuthDemo.Testing;

/// <summary>A PKCE pair (RFC 7636): the verifier stays with the client, the S256 challenge goes in the authorization request.</summary>
public sealed record Pkce(string Verifier, string Challenge)
{
    public static Pkce Create()
    {
        var verifier = Base64Url.Encode(RandomNumberGenerator.GetBytes(32));
        return new Pkce(verifier, Base64Url.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }
}
