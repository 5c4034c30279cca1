using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using ShopAuthDemo.Identity.Local.Endpoints;
using ShopAuthDemo.Identity.Local.Realm;
using ShopAuthDemo.Identity.Local.Sessions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShopAuthDemo.Identity.Local.Tokens;

/// <summary>
/// Standard token exchange (RFC 8693) with Keycloak's rules (26.2+): only a confidential client that has
/// it enabled may exchange, only a token it was meant to receive, and the result can only narrow.
/// </summary>
public sealed class TokenExchangeRules(LocalRealm realm, SsoSessionStore sessions, TokenPrincipalFactory principals,
    ILogger<TokenExchangeRules> logger)
{
    public async Task<IResult> ExchangeAsync(HttpContext context, OpenIddictRequest request, RealmClient requester)
    {
        if (requester.IsPublic)
            return OidcErrors.Reject(Errors.UnauthorizedClient, "Public client is not allowed to exchange tokens.");
        if (!requester.StandardTokenExchangeEnabled)
            return OidcErrors.Reject(Errors.UnauthorizedClient, "Standard token exchange is not enabled for this client.");
        if (request.SubjectTokenType is not TokenTypeIdentifiers.AccessToken)
            return OidcErrors.Reject(Errors.InvalidRequest, "Only access tokens can be exchanged.");
        if (request.RequestedTokenType is not (null or TokenTypeIdentifiers.AccessToken))
            return OidcErrors.Reject(Errors.InvalidRequest, "Only an access token can be requested.");

        // OpenIddict has validated the subject token's signature, issuer and lifetime.
        var subject = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var user = realm.FindUserById(subject?.GetClaim(Claims.Subject));
        if (subject is null || user is null || !user.Enabled)
            return OidcErrors.Reject(Errors.InvalidGrant, "The subject token does not name an active user.");
        var sessionId = subject.GetClaim("sid");
        var session = sessions.FindActive(sessionId);
        if (sessionId is not null && session is null)
            return OidcErrors.Reject(Errors.InvalidGrant, "The subject token's session is no longer active.");

        // Stops a service from swapping a token that was sent to someone else (confused deputy).
        var audiences = subject.GetAudiences();
        if (!audiences.Contains(requester.ClientId) && subject.GetClaim(Claims.AuthorizedParty) != requester.ClientId)
            return OidcErrors.Reject(Errors.AccessDenied, "Client is not within the token audience.");

        // The new audience can only be one the requester's own scopes would grant: narrowing, never widening.
        var requested = request.GetScopes();
        var available = KeycloakClaims.Apply(user, requester, principals.GrantedScopes(requester, requested.ToHashSet())).Audiences;
        var wanted = (request.Audiences ?? []).OfType<string>().ToArray();
        if (wanted.FirstOrDefault(a => !available.Contains(a)) is { } unavailable)
            return OidcErrors.Reject(Errors.InvalidRequest, $"Requested audience not available: {unavailable}.");

        logger.LogInformation("Token exchange by {Requester} for {Sub}, audience {Audience}",
            requester.ClientId, user.Id, string.Join(' ', wanted));
        var principal = principals.Create(user, requester, requested, session, wanted.Length > 0 ? wanted : null);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
