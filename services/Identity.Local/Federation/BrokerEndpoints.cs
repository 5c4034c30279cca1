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
    public const string BrowserBindingCookie = "IDENTITY_LOCAL_BROKER";

    public static void MapIdentityBrokering(this IEndpointRouteBuilder app, KeycloakPaths paths)
    {
        app.MapGet(paths.BrokerLogin("{alias}"), Start);
        app.MapGet(paths.BrokerEndpoint("{alias}"), FinishAsync);
        app.MapGet(paths.BrokerLogoutResponse("{alias}"), BrokerLogout.Finish);
    }

    private static IResult Start(HttpContext context, string alias, string? returnUrl, LocalRealm realm, PendingBrokerSignIns pending)
    {
        if (realm.FindIdentityProvider(alias) is not { } provider)
            return Results.Problem($"This realm has no identity provider '{alias}'. Go back and choose one from the sign-in page.", statusCode: 404);

        var local = LoginEndpoints.LocalOnly(returnUrl, realm.Paths);
        // The sign-in this realm is waiting for must be fresh (prompt=login, max_age): ask the provider for a fresh one too.
        var fresh = provider.PassMaxAge && local.Contains(ReauthenticationRequests.MarkerParameter + "=", StringComparison.Ordinal);
        var signIn = pending.Start(provider.Alias, local, fresh, out var binding);
        context.Response.Cookies.Append(BrowserBindingCookie, binding, new CookieOptions
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
            ["redirect_uri"] = RedirectUri(context, realm, provider).AbsoluteUri,
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
        LocalRealm realm, PendingBrokerSignIns pending, IdentityProviderClient client, BrokeredUsers users, IAntiforgery antiforgery,
        ILogger<BrokeredSignIn> logger)
    {
        var provider = realm.FindIdentityProvider(alias);
        var signIn = pending.Take(state, context.Request.Cookies[BrowserBindingCookie]);
        context.Response.Cookies.Delete(BrowserBindingCookie, new CookieOptions { Path = realm.Paths.BrokerEndpoint(alias) });
        var returnUrl = signIn?.ReturnUrl ?? realm.Paths.Status;
        IResult Refuse(string reason, string message, int status)
        {
            logger.LogWarning("Sign-in through {Alias} refused: {Reason}", alias, reason);
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
            var identity = await client.RedeemAsync(provider, signIn, code, RedirectUri(context, realm, provider), context.RequestAborted);
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
                StatusCodes.Status502BadGateway => $"{provider.DisplayName} cannot be reached right now. Try again in a moment.",
                _ => $"Signing in with {provider.DisplayName} failed. Start again from the sign-in page.",
            }, refused.Status);
        }
    }

    /// <summary>This realm's redirect URI at the provider, as registered there: the issuer's origin plus Keycloak's broker path.</summary>
    internal static Uri RedirectUri(HttpContext context, LocalRealm realm, RealmIdentityProvider provider) =>
        new(context.RequestServices.GetRequiredService<IssuerUri>().Value, realm.Paths.BrokerEndpoint(provider.Alias));
}

/// <summary>This realm's issuer (Identity:Issuer): the browser's address of this server, the base of the broker's URLs.</summary>
public sealed record IssuerUri(Uri Value);
