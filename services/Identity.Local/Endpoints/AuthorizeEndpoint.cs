using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using ShopAuthDemo.Identity.Local.Realm;
using ShopAuthDemo.Identity.Local.Sessions;
using ShopAuthDemo.Identity.Local.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShopAuthDemo.Identity.Local.Endpoints;

/// <summary>
/// The authorization endpoint. OpenIddict has already checked client_id, redirect_uri, PKCE and scopes;
/// this decides who the user is: the SSO session if there is one (SSO), else the login page.
/// </summary>
public static class AuthorizeEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, ShopRealm realm, SsoSessionStore sessions,
        TokenPrincipalFactory principals, ILogger<SsoSession> logger)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not process this authorization request.");

        var sso = await context.AuthenticateAsync(SsoCookie.Scheme);
        var session = sso.Succeeded ? sessions.FindActive(sso.Principal.FindFirst(SsoCookie.SessionIdClaim)?.Value) : null;
        var user = realm.FindUserById(session?.UserId);

        if (session is null || user is null || !user.Enabled || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
                return OidcErrors.Reject(Errors.LoginRequired, "The user is not signed in.");
            // prompt=login: the user signs in again first. The session lives until then (cancelling keeps every
            // app signed in); if someone else signs in, the login ends it properly, with back-channel logout.
            return Results.Redirect(QueryHelpers.AddQueryString(KeycloakPaths.Login, "returnUrl", ReturnUrl(context)));
        }

        var client = realm.FindClient(request.ClientId)!;
        session.AddClient(client.ClientId);
        logger.LogInformation("Issuing an authorization code to {ClientId} for {Sub} in session {Sid}",
            client.ClientId, user.Id, session.Id);
        var principal = principals.Create(user, client, request.GetScopes(), session.Id);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    // Back to this same request after login, without prompt=login so the login is not asked for twice.
    private static string ReturnUrl(HttpContext context)
    {
        var parameters = context.Request.HasFormContentType
            ? context.Request.Form.Select(p => p)
            : context.Request.Query.Select(p => p);
        var kept = parameters
            .Where(p => p.Key != Parameters.Prompt)
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return QueryHelpers.AddQueryString(KeycloakPaths.Authorize, kept);
    }
}
