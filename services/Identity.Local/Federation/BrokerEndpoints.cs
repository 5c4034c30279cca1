using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.WebUtilities;
using ShopAuthDemo.Identity.Local.Endpoints;
using ShopAuthDemo.Identity.Local.Login;
using ShopAuthDemo.Identity.Local.Realm;
using ShopAuthDemo.Identity.Local.Sessions;

namespace ShopAuthDemo.Identity.Local.Federation;

/// <summary>
/// Identity brokering on Keycloak's paths: <c>/broker/{alias}/login</c> sends the browser to the other identity
/// provider (authorization code + PKCE, with state and nonce), <c>/broker/{alias}/endpoint</c> takes it back,
/// redeems the code, checks the ID token and signs the user in here, as a local user linked to that identity.
/// Everything behind this realm still sees one issuer: this one.
/// </summary>
public static class BrokerEndpoints
{
    // A return URL is this server's own authorization request; one longer than this is no browser's.
    private const int MaxReturnUrlLength = 4096;

    public static void MapIdentityBrokering(this IEndpointRouteBuilder app, KeycloakPaths paths)
    {
        app.MapGet(paths.BrokerLogin("{alias}"), Start);
        app.MapGet(paths.BrokerEndpoint("{alias}"), FinishAsync);
        app.MapGet(paths.BrokerLogoutResponse("{alias}"), BrokerLogout.Finish);
    }

    private static IResult Start(HttpContext context, string alias, string? returnUrl, LocalRealm realm, PendingBrokerSignIns pending,
        IssuerUri issuer)
    {
        if (realm.FindIdentityProvider(alias) is not { } provider)
            return Results.Problem($"This realm has no identity provider '{alias}'. Go back and choose one from the sign-in page.", statusCode: 404);

        var local = returnUrl is { Length: <= MaxReturnUrlLength } ? LoginEndpoints.LocalOnly(returnUrl, realm.Paths) : realm.Paths.Status;
        // The sign-in this realm waits for must be fresh (the client asked for prompt=login or max_age, so the
        // authorization request carries a marker): the provider is asked for a fresh one too, as Keycloak forwards prompt.
        var fresh = local.Contains(ReauthenticationRequests.MarkerParameter + "=", StringComparison.Ordinal);
        var signIn = pending.Start(provider.Alias, local, fresh, out var binding);
        context.Response.Cookies.Append(PendingBrokerSignIns.CookieName(signIn.State), binding, new CookieOptions
        {
            HttpOnly = true,
            // Lax: the provider sends the browser back with a top-level GET from its own site.
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = realm.Paths.BrokerEndpoint(provider.Alias),
            MaxAge = PendingBrokerSignIns.Lifetime,
        });

        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = provider.ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = issuer.For(realm.Paths.BrokerEndpoint(provider.Alias)).AbsoluteUri,
            ["scope"] = provider.Scope,
            ["state"] = signIn.State,
            ["nonce"] = signIn.Nonce,
            ["code_challenge"] = signIn.CodeChallenge,
            ["code_challenge_method"] = "S256",
        };
        if (fresh) parameters["prompt"] = "login";
        return Results.Redirect(QueryHelpers.AddQueryString(provider.AuthorizationUrl.AbsoluteUri, parameters));
    }

    private static async Task<IResult> FinishAsync(HttpContext context, string alias, string? code, string? state, string? error,
        LocalRealm realm, PendingBrokerSignIns pending, IdentityProviderClient client, BrokeredUsers users, IssuerUri issuer,
        IAntiforgery antiforgery, ILogger<BrokeredSignIn> logger)
    {
        var provider = realm.FindIdentityProvider(alias);
        var cookie = state is null ? null : PendingBrokerSignIns.CookieName(state);
        var signIn = pending.Take(state, cookie is null ? null : context.Request.Cookies[cookie]);
        if (provider is not null && cookie is not null)
            context.Response.Cookies.Delete(cookie, new CookieOptions { Path = realm.Paths.BrokerEndpoint(provider.Alias) });
        var returnUrl = signIn?.ReturnUrl ?? realm.Paths.Status;
        IResult Refuse(string reason, string message, int status)
        {
            logger.LogWarning("Sign-in through {Alias} refused: {Reason}", provider?.Alias ?? "an unknown provider", reason);
            return LoginPage.Render(context, antiforgery, realm, returnUrl, error: message, status: status);
        }

        // Unknown, used, expired, or started in another browser: nothing here asked for this answer.
        if (provider is null || signIn is null || signIn.Alias != provider.Alias)
            return Refuse("no sign-in of this browser is waiting for that state (unknown, used before, expired, or another browser's)",
                "This sign-in link is no longer valid. Start again from the sign-in page.", StatusCodes.Status400BadRequest);
        if (error is not null || code is null)
            return Refuse($"the provider answered {error ?? "without a code"}",
                $"{provider.DisplayName} did not sign you in. Try again, or sign in with a password here.", StatusCodes.Status401Unauthorized);

        try
        {
            var identity = await client.RedeemAsync(provider, signIn, code, issuer.For(realm.Paths.BrokerEndpoint(provider.Alias)), context.RequestAborted);
            var user = users.SignIn(provider, identity);
            var session = await BrowserSignIn.SignInAsync(context, user,
                new BrokeredSignIn(provider.Alias, identity.Username, identity.IdToken));
            logger.LogInformation("User {Sub} ({Username}) signed in through {Alias}, session {Sid}", user.Id, user.Username, provider.Alias, session.Id);
            return Results.LocalRedirect(signIn.ReturnUrl);
        }
        catch (BrokerSignInException refused)
        {
            return Refuse(refused.Message, refused.Status switch
            {
                StatusCodes.Status409Conflict => $"An account here already uses your {provider.DisplayName} name or email. Sign in to that account instead, or ask an administrator to link them.",
                StatusCodes.Status400BadRequest => $"Your {provider.DisplayName} account's username cannot be used here. Ask your company's administrator, or sign in with a password here.",
                StatusCodes.Status502BadGateway => $"{provider.DisplayName} cannot be reached right now. Try again in a moment.",
                _ => $"Signing in with {provider.DisplayName} failed. Start again from the sign-in page.",
            }, refused.Status);
        }
    }
}
