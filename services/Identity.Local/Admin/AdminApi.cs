using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ShopAuthDemo.Identity.Local.Endpoints;
using ShopAuthDemo.Identity.Local.SigningKeys;

namespace ShopAuthDemo.Identity.Local.Admin;

/// <summary>
/// What the stand-in offers of an admin API: Keycloak's user reads (<see cref="UsersApi"/>), for a token holding
/// realm-management/view-users; and rotating the realm's signing key, for user <c>admin</c> only (Keycloak has no
/// such call; there one adds an rsa-generated key provider with a higher priority).
/// </summary>
public static class AdminApi
{
    // "Admin": { "Password": "…" } — the AppHost passes its keycloak-admin-password parameter.
    private const string PasswordKey = "Admin:Password";
    private const string AdminOnly = "realm-admin";

    /// <summary>
    /// Required on admin calls. A browser that once asked for the Basic credentials resends them with any
    /// cross-site form post; it cannot add a custom header to one (that needs CORS, which this server never
    /// allows). So a page on another site cannot rotate the keys through an admin's browser.
    /// </summary>
    public const string RequestedByHeader = "X-Requested-By";

    public static WebApplicationBuilder AddAdminApi(this WebApplicationBuilder builder, Uri issuer)
    {
        builder.AddAdminBearer(issuer);
        if (builder.Configuration[PasswordKey] is not { Length: > 0 } password) return builder;

        builder.Services.AddAuthentication().AddAdminBasic(password);
        builder.Services.AddAuthorizationBuilder().AddPolicy(AdminOnly, policy => policy
            .AddAuthenticationSchemes(AdminBasicAuthentication.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(ClaimTypes.Name, AdminBasicAuthentication.UserName));
        return builder;
    }

    /// <summary>Key rotation is mapped only when an admin password is configured: no password, no rotation.</summary>
    public static WebApplication MapAdminApi(this WebApplication app, KeycloakPaths paths)
    {
        app.MapUsersApi(paths);
        if (app.Configuration[PasswordKey] is not { Length: > 0 }) return app;

        var realm = app.MapGroup(paths.AdminRealm).RequireAuthorization(AdminOnly);
        realm.MapPost("/keys/rotate", RotateSigningKey).AddEndpointFilter(async (context, next) =>
            context.HttpContext.Request.Headers.ContainsKey(RequestedByHeader)
                ? await next(context)
                : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing header",
                    detail: $"Send the header {RequestedByHeader} (any value) with admin calls."));
        return app;
    }

    private static Ok<SigningKeyRotation> RotateSigningKey(SigningKeyRing ring)
    {
        var published = ring.Rotate();
        return TypedResults.Ok(new SigningKeyRotation(published[0].Kid, [.. published.Select(key => key.Kid)]));
    }
}
