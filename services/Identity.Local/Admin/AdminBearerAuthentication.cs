using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using ShopAuthDemo.Identity.Local.Realm;
using ShopAuthDemo.Identity.Local.Sessions;
using ShopAuthDemo.Identity.Local.SigningKeys;

namespace ShopAuthDemo.Identity.Local.Admin;

/// <summary>
/// Bearer tokens of this realm for the admin REST API, checked as Keycloak checks them: signed by one of the
/// realm's own keys (the <see cref="SigningKeyRing"/> that signs them, so no second key or trust), issued by this
/// realm, not expired, an access token (typ Bearer, so an ID token is refused), and its user and SSO session still
/// active. The audience is not checked, as Keycloak's admin API does not: the realm-management role decides, and
/// it reaches a token only through the client's scope (policy-api's clientScopeMappings).
/// </summary>
public static class AdminBearerAuthentication
{
    public const string Scheme = "IdentityLocal.AdminBearer";
    public const string ViewUsersPolicy = "realm-management/view-users";

    public static WebApplicationBuilder AddAdminBearer(this WebApplicationBuilder builder, Uri issuer)
    {
        builder.Services.AddAuthentication().AddJwtBearer(Scheme, options =>
        {
            options.MapInboundClaims = false;
            options.Events = new JwtBearerEvents
            {
                OnTokenValidated = RefuseInactiveOrNonAccessTokens,
                OnChallenge = AdminProblems.WriteUnauthorizedAsync,
                OnForbidden = AdminProblems.WriteForbiddenAsync,
            };
        });
        builder.Services.AddOptions<JwtBearerOptions>(Scheme).Configure<SigningKeyRing, TimeProvider>((options, ring, time) =>
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = issuer.AbsoluteUri,
                // Keycloak's admin API checks no audience; the realm gives policy-api's tokens "realm-management" (scope
                // user-directory) so that this copy can, and a token minted for an API is refused here even if some
                // client were ever granted view-users. The view-users role below is the second gate.
                ValidAudience = RealmManagementClient.ClientId,
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                // Read at each request: a token signed before a rotation verifies while its key is still published.
                IssuerSigningKeyResolver = (_, _, kid, _) => ring.Keys.Where(k => k.Kid == kid).Select(k => k.Credentials.Key),
                RequireExpirationTime = true,
                // The clock OpenIddict issues tokens with, so lifetimes agree (and tests can move it).
                LifetimeValidator = (notBefore, expires, _, _) =>
                    time.GetUtcNow().UtcDateTime is var now && (notBefore is null || notBefore <= now) && expires > now,
                NameClaimType = "preferred_username",
            });

        builder.Services.AddAuthorizationBuilder().AddPolicy(ViewUsersPolicy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser()
            .RequireClientRole(RealmManagementClient.ClientId, RealmManagementClient.ViewUsers));
        return builder;
    }

    private static Task RefuseInactiveOrNonAccessTokens(TokenValidatedContext context)
    {
        var token = context.Principal!;
        var realm = context.HttpContext.RequestServices.GetRequiredService<LocalRealm>();
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SsoSessionStore>();
        var user = realm.FindUserById(token.FindFirstValue("sub"));
        var sessionId = token.FindFirstValue("sid");

        if (token.FindFirstValue("typ") != "Bearer") context.Fail("Not an access token.");
        else if (user is not { Enabled: true }) context.Fail("The token's user is no longer active.");
        // A signed-out user's access token stops opening the admin API at once, not when it expires.
        else if (sessionId is not null && sessions.FindActive(sessionId) is null) context.Fail("The token's session has ended.");
        return Task.CompletedTask;
    }
}
