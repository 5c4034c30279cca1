using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ShopAuthDemo.Tests.Support;

// Mints RS256 access tokens shaped like Keycloak's with a key made for this test run.
public sealed class TestTokenIssuer : IDisposable
{
    public const string Authority = "http://identity.test/realms/shop";
    public const string UserInfoEndpoint = Authority + "/protocol/openid-connect/userinfo";

    private readonly RSA rsa = RSA.Create(2048);

    public TestTokenIssuer() => SigningKey = new RsaSecurityKey(rsa) { KeyId = "test-signing-key" };

    public RsaSecurityKey SigningKey { get; }

    public string CreateToken(TestToken token) => CreateToken(token, SigningKey);

    public static string CreateToken(TestToken token, SecurityKey signingKey)
    {
        var issuedAt = token.IssuedAt ?? DateTimeOffset.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = token.Issuer ?? Authority,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = (issuedAt + token.Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(signingKey, token.Algorithm),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = token.Subject,
                ["typ"] = "Bearer",
                ["azp"] = token.AuthorizedParty,
                // Keycloak writes a single audience as a string and several as an array.
                ["aud"] = token.Audiences.Count == 1 ? token.Audiences[0] : token.Audiences.ToArray(),
                ["scope"] = token.Scope,
                ["preferred_username"] = token.PreferredUsername,
                ["realm_access"] = JsonSerializer.SerializeToElement(
                    token.RealmAccessOverride ?? new { roles = token.Roles }),
            },
        };
        if (!token.WithoutAuthTime)
        {
            descriptor.Claims["auth_time"] = (token.AuthTime ?? issuedAt).ToUnixTimeSeconds();
        }
        if (token.Groups.Count > 0)
        {
            descriptor.Claims["groups"] = token.Groups.ToArray();
        }
        if (token.ClientRoles.Count > 0)
        {
            descriptor.Claims["resource_access"] = JsonSerializer.SerializeToElement(
                token.ClientRoles.ToDictionary(client => client.Key, client => new { roles = client.Value }));
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    // A token whose header says "alg": "none" and that carries no signature at all.
    public static string CreateUnsignedToken(TestToken token) =>
        $"{Base64Url("""{"alg":"none","typ":"JWT"}""")}.{CreateToken(token, new RsaSecurityKey(RSA.Create(2048))).Split('.')[1]}.";

    // Makes the API trust this issuer's key without any network call and without relaxing a single
    // validation rule: only where the keys come from changes (a static document instead of discovery).
    public void TrustedBy(IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Authority, UserInfoEndpoint = UserInfoEndpoint };
            configuration.SigningKeys.Add(SigningKey);
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        });

    public void Dispose() => rsa.Dispose();

    private static string Base64Url(string text) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(text));
}
