using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using ShopAuthDemo.Web.Authentication.BackchannelLogout;
using ShopAuthDemo.Web.Authentication.Tokens;
using Xunit;

namespace ShopAuthDemo.Tests.Web.Support;

/// <summary>An identity provider's signing key and a shop-web that trusts it, to mint and check logout tokens.</summary>
public sealed class LogoutTokens : IDisposable
{
    public const string Issuer = "http://identity.test/realms/shop";
    public const string ClientId = "shop-web";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly IdentityProviderMetadata _metadata;

    public LogoutTokens()
    {
        SigningKey = new RsaSecurityKey(_rsa) { KeyId = "idp-key" };
        var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
        configuration.SigningKeys.Add(SigningKey);
        _metadata = new IdentityProviderMetadata(new FixedOpenIdConnectOptions(
            new OpenIdConnectOptions { ClientId = ClientId, Configuration = configuration }));
        Validator = ValidatorWith(new InMemoryLogoutTokenReplayCache(TimeProvider.System));
    }

    public RsaSecurityKey SigningKey { get; }

    public LogoutTokenValidator Validator { get; }

    /// <summary>A validator of the same app whose accepted tokens are remembered in <paramref name="replays"/> (another replica's view).</summary>
    public LogoutTokenValidator ValidatorWith(ILogoutTokenReplayCache replays) => new(_metadata, replays, TimeProvider.System);

    /// <summary>A logout token as the spec describes it; <paramref name="change"/> bends one rule.</summary>
    public string Create(Action<Dictionary<string, object>>? change = null, SecurityKey? signingKey = null,
        string audience = ClientId, string issuer = Issuer, DateTimeOffset? issuedAt = null, DateTimeOffset? expires = null)
    {
        var iat = (issuedAt ?? DateTimeOffset.UtcNow).UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "alice-id",
            ["sid"] = "idp-session-1",
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["events"] = new Dictionary<string, object> { [LogoutTokenValidator.BackchannelLogoutEvent] = new Dictionary<string, object>() },
        };
        change?.Invoke(claims);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = iat,
            NotBefore = iat,
            Expires = expires?.UtcDateTime ?? iat.AddMinutes(2),
            Claims = claims,
            TokenType = "logout+jwt",
            SigningCredentials = new SigningCredentials(signingKey ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public void Dispose() => _rsa.Dispose();
}
