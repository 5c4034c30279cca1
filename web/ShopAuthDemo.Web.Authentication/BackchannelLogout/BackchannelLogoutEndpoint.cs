using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using ShopAuthDemo.Web.Authentication.Sessions;

namespace ShopAuthDemo.Web.Authentication.BackchannelLogout;

/// <summary>
/// POST /backchannel-logout: the identity provider, server to server, says "this session is over".
/// That is how signing out of one app signs the user out of the other one too.
/// </summary>
public static class BackchannelLogoutEndpoint
{
    public const string Path = "/backchannel-logout";

    public static RouteHandlerBuilder MapBackchannelLogout(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, HandleAsync)
            .AllowAnonymous()
            // Called by the identity provider, not by a browser: the signed logout token is the proof, and
            // there is no antiforgery token to send.
            .DisableAntiforgery()
            .WithTags("Authentication");

    public static async Task<IResult> HandleAsync(HttpContext context, LogoutTokenValidator validator,
        IUserSessionStore sessions, ILogoutTokenReplayCache replays, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(BackchannelLogoutEndpoint));
        context.Response.Headers.CacheControl = "no-store";

        var token = context.Request.HasFormContentType
            ? (await context.Request.ReadFormAsync(context.RequestAborted))["logout_token"].ToString()
            : null;
        var result = await validator.ValidateAsync(token, context.RequestAborted);
        if (!result.IsValid)
        {
            logger.LogWarning("Back-channel logout refused: {Reason}", result.Error);
            // The spec's answer to a logout that could not be done: 400 with an OAuth-style error.
            return TypedResults.BadRequest(new { error = "invalid_request", error_description = result.Error });
        }

        IReadOnlyList<UserSession> ended;
        try
        {
            ended = await sessions.EndForIdentityProviderAsync(result.Sid, result.Sub);
        }
        catch (Exception) when (result.Jti is { } jti)
        {
            // The token was accepted but its sessions were not ended (the session store failed in between): forget
            // it, so that the same token sent again is not refused as a replay and the logout is not lost.
            await ForgetQuietlyAsync(replays, jti, logger);
            throw;
        }

        logger.LogInformation("Back-channel logout for session {Sid} of {Sub}: {Count} local session(s) ended",
            result.Sid, result.Sub, ended.Count);
        return TypedResults.Ok();
    }

    private static async Task ForgetQuietlyAsync(ILogoutTokenReplayCache replays, string jti, ILogger logger)
    {
        try
        {
            await replays.ForgetAsync(jti);
        }
        catch (Exception exception)
        {
            logger.LogWarning("Back-channel logout: the accepted token could not be forgotten either ({Error})", exception.GetType().Name);
        }
    }
}
