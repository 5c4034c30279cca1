using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ShopAuthDemo.Tests.Federation.Support;

/// <summary>
/// Northwind's token and JWKS endpoints as the broker reaches them, answering what the test chooses: an ID token the
/// test mints (its nonce, audience, issuer, key, algorithm), and a JWKS with one RSA key. The browser never comes here.
/// </summary>
public sealed class FakeNorthwind : HttpMessageHandler
{
    private const string TokenPath = "/realms/northwind/protocol/openid-connect/token";
    private const string CertsPath = "/realms/northwind/protocol/openid-connect/certs";

    public RsaSecurityKey PublishedKey { get; } = new(RSA.Create(2048)) { KeyId = "northwind-published" };

    /// <summary>What the token endpoint answers with next.</summary>
    public string? IdToken { get; set; }

    /// <summary>When set, the token endpoint answers exactly this body (a provider's malformed answer).</summary>
    public string? TokenResponseBody { get; set; }

    /// <summary>The broker's last token request, as sent (form fields).</summary>
    public IReadOnlyDictionary<string, string>? LastTokenRequest { get; private set; }

    /// <summary>A valid Northwind ID token for the sign-in with this nonce; <paramref name="change"/> breaks one thing.</summary>
    public static JsonObject Claims(string nonce, Action<JsonObject>? change = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new JsonObject
        {
            ["iss"] = FederatedRealms.NorthwindIssuer,
            ["aud"] = "shop-broker",
            ["azp"] = "shop-broker",
            ["sub"] = "0b9a6f3e-5d1c-4c7a-9f43-6a2d8e1b7c55",
            ["iat"] = now,
            ["exp"] = now + 300,
            ["auth_time"] = now,
            ["nonce"] = nonce,
            ["preferred_username"] = "dave",
            ["email"] = "dave@northwind.example",
            ["given_name"] = "Dave",
            ["family_name"] = "Buchanan",
            ["company"] = "Northwind Traders",
        };
        change?.Invoke(claims);
        return claims;
    }

    public string SignedWithPublishedKey(JsonObject claims) => Sign(claims, new SigningCredentials(PublishedKey, SecurityAlgorithms.RsaSha256));

    public static string Sign(JsonObject claims, SigningCredentials credentials) =>
        new JsonWebTokenHandler().CreateToken(claims.ToJsonString(), credentials);

    /// <summary>No signature at all: header alg "none", empty third part.</summary>
    public static string Unsigned(JsonObject claims) =>
        $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}.{Base64UrlEncoder.Encode(claims.ToJsonString())}.";

    /// <summary>HS256 with the published RSA key's modulus as the HMAC secret (the algorithm-confusion attack).</summary>
    public string HmacWithPublicKey(JsonObject claims) =>
        Sign(claims, new SigningCredentials(new SymmetricSecurityKey(PublishedKey.Rsa.ExportParameters(false).Modulus!), SecurityAlgorithms.HmacSha256));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        switch (request.RequestUri!.AbsolutePath)
        {
            case TokenPath:
                var form = await request.Content!.ReadAsStringAsync(cancellationToken);
                LastTokenRequest = form.Split('&').Select(p => p.Split('=', 2))
                    .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p[1]));
                if (TokenResponseBody is not null)
                    return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(TokenResponseBody, Encoding.UTF8, "application/json") };
                return new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = JsonContent.Create(new { access_token = "northwind-access-token", token_type = "Bearer", expires_in = 300, id_token = IdToken }),
                };
            case CertsPath:
                var rsa = PublishedKey.Rsa.ExportParameters(false);
                var jwks = new JsonObject
                {
                    ["keys"] = new JsonArray(new JsonObject
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["alg"] = "RS256",
                        ["kid"] = PublishedKey.KeyId,
                        ["n"] = Base64UrlEncoder.Encode(rsa.Modulus),
                        ["e"] = Base64UrlEncoder.Encode(rsa.Exponent),
                    }),
                };
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(jwks.ToJsonString(), Encoding.UTF8, "application/json") };
            default:
                return new HttpResponseMessage(HttpStatusCode.NotFound);
        }
    }

    public static string CodeChallengeOf(string verifier) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
}
