using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace ShopAuthDemo.Tests.Security.Support;

/// <summary>Hand-built JWTs, header and all, for the attacks a library would refuse to mint.</summary>
public static class HostileTokens
{
    public static JsonObject PayloadOf(string jwt) =>
        JsonNode.Parse(Base64UrlEncoder.Decode(jwt.Split('.')[1]))!.AsObject();

    public static string Segment(object json) => Base64UrlEncoder.Encode(JsonSerializer.Serialize(json));

    public static string Unsigned(JsonObject payload) => $"{Segment(new { alg = "none", typ = "JWT" })}.{Segment(payload)}.";

    public static string SignedWithRsa(Dictionary<string, object> header, JsonObject payload, RSA key)
    {
        var signingInput = $"{Segment(header)}.{Segment(payload)}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64UrlEncoder.Encode(signature)}";
    }

    public static string SignedWithHmac(Dictionary<string, object> header, JsonObject payload, byte[] secret)
    {
        var signingInput = $"{Segment(header)}.{Segment(payload)}";
        var signature = header["alg"] is "HS512"
            ? HMACSHA512.HashData(secret, Encoding.ASCII.GetBytes(signingInput))
            : HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64UrlEncoder.Encode(signature)}";
    }

    // The attacker's own key, published as a JWK in the token header (the "jwk" header attack).
    public static Dictionary<string, object> PublicJwk(RSA key)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return new()
        {
            ["kty"] = "RSA",
            ["kid"] = "attacker-key",
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus!),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent!),
        };
    }
}
