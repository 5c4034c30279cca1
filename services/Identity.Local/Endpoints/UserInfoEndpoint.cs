using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using ShopAuthDemo.Identity.Local.Realm;
using ShopAuthDemo.Identity.Local.Sessions;
using ShopAuthDemo.Identity.Local.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShopAuthDemo.Identity.Local.Endpoints;

/// <summary>
/// Userinfo: <c>sub</c> and the claims the token's granted scopes' mappers mark for it (country, groups), read
/// fresh from the realm. The place for attributes kept out of access tokens on purpose.
/// </summary>
public static class UserInfoEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, LocalRealm realm, SsoSessionStore sessions,
        TokenPrincipalFactory principals)
    {
        // OpenIddict has validated the bearer access token.
        var token = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var user = realm.FindUserById(token?.GetClaim(Claims.Subject));
        var client = realm.FindClient(token?.GetClaim(Claims.AuthorizedParty));
        var sessionId = token?.GetClaim("sid");
        var session = sessions.FindActive(sessionId);
        if (token is null || user is null || client is null || !user.Enabled || (sessionId is not null && session is null))
        {
            return Results.Challenge(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The token's user or session is no longer active.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        // Keycloak (since 19) answers only OpenID Connect tokens here: a client-credentials token or a plain OAuth
        // token gets 403, so no service can come to rely on the stand-in answering one.
        if (!token.HasScope(Scopes.OpenId))
        {
            return Results.Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InsufficientScope,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "Missing openid scope",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var scopes = principals.GrantedScopes(client, token.GetScopes().ToHashSet());
        var claims = KeycloakClaims.Apply(user, client, scopes, session).UserInfo;
        claims[Claims.Subject] = user.Id;
        return Results.Json(claims);
    }
}
