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
    public static async Task<IResult> HandleAsync(HttpContext context, LocalRealm realm, SsoSessionStore sessions,
        ReauthenticationRequests reauthentications, TokenPrincipalFactory principals, TimeProvider time, ILogger<SsoSession> logger)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not process this authorization request.");
        var clientId = request.ClientId!;
        var challenge = request.CodeChallenge ?? "";   // PKCE is required, so every request has one
        if (!MaxAge.TryRead(request, out var maxAge))
            return OidcErrors.Reject(Errors.InvalidRequest, "max_age must be a whole number of seconds, 0 or more.");

        var sso = await context.AuthenticateAsync(SsoCookie.Scheme);
        var session = sso.Succeeded ? sessions.FindActive(sso.Principal.FindFirst(SsoCookie.SessionIdClaim)?.Value) : null;
        var user = realm.FindUserById(session?.UserId);
        var signInTooOld = session is not null && maxAge is { } age && MaxAge.RequiresNewSignIn(age, session.AuthenticatedAt, time.GetUtcNow());

        // Checked last: answering ends a prompt=login round trip, which must happen only when a code is issued.
        if (session is null || user is null || !user.Enabled || request.HasPromptValue(PromptValues.Login) || signInTooOld ||
            !reauthentications.MayAnswer(clientId, challenge, (string?)request[ReauthenticationRequests.MarkerParameter], session.AuthenticatedAt))
        {
            if (request.HasPromptValue(PromptValues.None))
                return OidcErrors.Reject(Errors.LoginRequired, "The user is not signed in.");
            // prompt=login or a sign-in older than max_age: the user signs in again first. The session lives until
            // then (cancelling keeps every app signed in); if someone else signs in, the login ends it properly,
            // with back-channel logout.
            // Also without a session when the client asked for a fresh sign-in: a brokered sign-in then asks the other
            // identity provider for a fresh one too, instead of taking its session's word.
            var asksFresh = request.HasPromptValue(PromptValues.Login) || maxAge is not null;
            var marker = session is null && !asksFresh ? null : reauthentications.Start(clientId, challenge);
            return Results.Redirect(QueryHelpers.AddQueryString(realm.Paths.Login, "returnUrl", ReturnUrl(context, realm.Paths, marker)));
        }

        var client = realm.FindClient(clientId)!;
        session.AddClient(client.ClientId);
        logger.LogInformation("Issuing an authorization code to {ClientId} for {Sub} in session {Sid}",
            client.ClientId, user.Id, session.Id);
        var principal = principals.Create(user, client, request.GetScopes(), session);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    // Back to this same request after login, without prompt=login or max_age so the login is not asked for twice
    // (max_age=0 would ask forever), and with the marker of the sign-in it waits for when the browser already had
    // a session: the marker, not max_age, then proves that the password was typed after the request.
    private static string ReturnUrl(HttpContext context, KeycloakPaths paths, string? marker)
    {
        var parameters = context.Request.HasFormContentType
            ? context.Request.Form.Select(p => p)
            : context.Request.Query.Select(p => p);
        var kept = parameters
            .Where(p => p.Key is not (Parameters.Prompt or Parameters.MaxAge or ReauthenticationRequests.MarkerParameter))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        if (marker is not null) kept = kept.Append(new(ReauthenticationRequests.MarkerParameter, marker));
        return QueryHelpers.AddQueryString(paths.Authorize, kept);
    }
}
