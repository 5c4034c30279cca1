using ShopAuthDemo.ServiceDefaults.Authentication;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ShopAuthDemo.Benchmarks;

// orders-api's client-credentials token for catalog-api, shaped like Keycloak's, signed with a key
// made for this run (the benchmarks do not reference the test project).
public sealed class KeycloakAccessToken : IDisposable
{
    public const string Authority = "http://127.0.0.1:5900/realms/shop";
    public const string Audience = "catalog-api";

    private readonly RSA rsa = RSA.Create(2048);

    public KeycloakAccessToken()
    {
        SigningKey = new RsaSecurityKey(rsa) { KeyId = "benchmark-signing-key" };
        var issuedAt = DateTime.UtcNow;
        Value = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            // Keycloak's default access token lifespan.
            Expires = issuedAt.AddMinutes(5),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["jti"] = Guid.NewGuid().ToString(),
                ["sub"] = "4c5a7e2e-service-account-orders-api",
                ["typ"] = "Bearer",
                ["azp"] = "orders-api",
                ["aud"] = Audience,
                ["scope"] = "profile catalog",
                ["preferred_username"] = "service-account-orders-api",
                ["client_id"] = "orders-api",
                ["realm_access"] = JsonSerializer.SerializeToElement(
                    new { roles = new[] { "default-roles-shop", "offline_access", "uma_authorization" } }),
                ["resource_access"] = JsonSerializer.SerializeToElement(
                    new Dictionary<string, object> { ["catalog-api"] = new { roles = new[] { "price-quotes" } } }),
            },
        });
    }

    public RsaSecurityKey SigningKey { get; }

    public RSA PublicKey => rsa;

    public string Value { get; }

    // The same rules as ServiceDefaults/Authentication/JwtBearerExtensions.cs; only the key source differs
    // (a static key instead of the IdP's discovery document).
    public TokenValidationParameters ValidationParameters => new()
    {
        ValidIssuer = Authority,
        ValidateIssuer = true,
        ValidAudiences = [Audience],
        ValidateAudience = true,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        ValidateLifetime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = JwtClaimTypes.PreferredUsername,
        RoleClaimType = KeycloakClaimTypes.Role,
        IssuerSigningKey = SigningKey,
    };

    public void Dispose() => rsa.Dispose();
}
