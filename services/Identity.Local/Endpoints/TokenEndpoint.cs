using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using ShopAuthDemo.Identity.Local.Realm;
using ShopAuthDemo.Identity.Local.Sessions;
using ShopAuthDemo.Identity.Local.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShopAuthDemo.Identity.Local.Endpoints;

/// <summary>
/// The token endpoint. OpenIddict has authenticated the client and validated the grant (code + PKCE
/// verifier, refresh token, subject token); this builds the new token's content from the realm.
/// </summary>
public static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, LocalRealm realm, SsoSessionStore sessions,
        TokenPrincipalFactory principals, TokenExchangeRules exchange, ILogger<TokenPrincipalFactory> logger)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not process this token request.");
        var client = realm.FindClient(request.ClientId);
        if (client is null) return OidcErrors.Reject(Errors.InvalidClient, "Unknown client.");

        if (request.IsClientCredentialsGrantType())
        {
            var account = realm.ServiceAccountOf(client.ClientId);
            if (account is null || !account.Enabled)
                return OidcErrors.Reject(Errors.UnauthorizedClient, "The client has no enabled service account.");
            logger.LogInformation("Client credentials token for {ClientId}", client.ClientId);
            return SignIn(principals.Create(account, client, request.GetScopes(), session: null));
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The code or refresh token carries who signed in and in which SSO session.
            var grant = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var sessionId = grant.Principal?.GetClaim("sid");
            var user = realm.FindUserById(grant.Principal?.GetClaim(Claims.Subject));
            var session = sessions.FindActive(sessionId);
            if (session is null || user is null || !user.Enabled)
                return OidcErrors.Reject(Errors.InvalidGrant, "Session not active.");

            // Roles and profile are read again from the realm, as Keycloak does on every refresh.
            var scopes = request.IsRefreshTokenGrantType() && request.GetScopes() is { IsEmpty: false } narrowed
                ? narrowed
                : grant.Principal!.GetScopes();
            return SignIn(principals.Create(user, client, scopes, session));
        }

        if (request.IsTokenExchangeGrantType())
            return await exchange.ExchangeAsync(context, request, client);

        return OidcErrors.Reject(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    private static IResult SignIn(System.Security.Claims.ClaimsPrincipal principal) =>
        Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}
