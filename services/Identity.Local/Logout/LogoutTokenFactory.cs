using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using ShopAuthDemo.Identity.Local.Realm;
using ShopAuthDemo.Identity.Local.Sessions;
using ShopAuthDemo.Identity.Local.SigningKeys;

namespace ShopAuthDemo.Identity.Local.Logout;

/// <summary>
/// OIDC Back-Channel Logout 1.0 logout tokens: signed with the current key like every other token, for one
/// client, naming the session (<c>sid</c>) and user (<c>sub</c>), with the logout event and no nonce.
/// </summary>
public sealed class LogoutTokenFactory(IOptionsMonitor<OpenIddictServerOptions> server, SigningKeyRing keys, TimeProvider time)
{
    public const string LogoutEvent = "http://schemas.openid.net/event/backchannel-logout";

    public string Create(SsoSession session, RealmClient client)
    {
        var options = server.CurrentValue;
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = session.UserId,
            ["jti"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ["events"] = new Dictionary<string, object> { [LogoutEvent] = new Dictionary<string, object>() },
        };
        if (client.BackchannelLogoutSessionRequired) claims["sid"] = session.Id;

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer!.AbsoluteUri,
            Audience = client.ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(2),
            Claims = claims,
            TokenType = "logout+jwt",
            SigningCredentials = keys.Current.Credentials,
        });
    }
}
