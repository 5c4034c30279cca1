using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ShopAuthDemo.Tests.Support;

namespace ShopAuthDemo.Tests.Authentication.Support;

/// <summary>
/// A properly signed token with claims Keycloak does not emit by default but a custom mapper or a user
/// attribute can add, such as a top-level "role": "admin".
/// </summary>
public static class TokensWithExtraClaims
{
    public static string CreateToken(this TestTokenIssuer issuer, TestToken token, IReadOnlyDictionary<string, JsonNode> extraClaims) =>
        CreateToken(issuer.CreateToken(token), issuer.SigningKey, extraClaims);

    public static string CreateToken(string signedToken, SecurityKey signingKey, IReadOnlyDictionary<string, JsonNode> extraClaims)
    {
        var payload = JsonNode.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(signedToken.Split('.')[1])))!.AsObject();
        foreach (var (name, value) in extraClaims) payload[name] = value.DeepClone();
        return new JsonWebTokenHandler().CreateToken(payload.ToJsonString(), new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256));
    }
}
