using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using ShopAuthDemo.Identity.Local.Realm;
using ShopAuthDemo.Identity.Local.Sessions;
using ShopAuthDemo.Identity.Local.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShopAuthDemo.Identity.Local.Endpoints;

/// <summary>Userinfo: the claims the granted scopes' mappers mark for it, read fresh from the realm.</summary>
public static class UserInfoEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, ShopRealm realm, SsoSessionStore sessions,
        TokenPrincipalFactory principals)
    {
        // OpenIddict has validated the bearer access token.
        var token = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var user = realm.FindUserById(token?.GetClaim(Claims.Subject));
        var client = realm.FindClient(token?.GetClaim(Claims.AuthorizedParty));
        var sessionId = token?.GetClaim("sid");
        if (token is null || user is null || client is null || !user.Enabled ||
            (sessionId is not null && sessions.FindActive(sessionId) is null))
        {
            return Results.Challenge(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The token's user or session is no longer active.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var scopes = principals.GrantedScopes(client, token.GetScopes().ToHashSet());
        var claims = KeycloakClaims.Apply(user, client, scopes).UserInfo;
        claims[Claims.Subject] = user.Id;
        return Results.Json(claims);
    }
}
