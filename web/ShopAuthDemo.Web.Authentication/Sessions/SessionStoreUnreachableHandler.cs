using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ShopAuthDemo.Web.Authentication.Sessions;

/// <summary>
/// Scaled out, every signed-in request reads its session from Redis. When Redis cannot be reached the user gets
/// 503 and a page that says to try again, not an error page: nothing is lost (the session and the cart survive),
/// and the app's own error page could not be shown anyway, because it would need the session too.
/// </summary>
internal sealed class SessionStoreUnreachableHandler(ILogger<SessionStoreUnreachableHandler> logger) : IExceptionHandler
{
    public const string Message =
        "This app cannot reach its session store right now. You are still signed in and nothing is lost (the shop keeps your cart in your browser); try again in a moment.";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsSessionStoreFailure(exception)) return false;

        logger.LogWarning("The session store is unreachable: {Error}", exception.GetType().Name);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"<!doctype html><title>Try again in a moment</title><h1>Try again in a moment</h1><p>{WebUtility.HtmlEncode(Message)}</p>",
            cancellationToken);
        return true;
    }

    private static bool IsSessionStoreFailure(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
            if (exception is RedisConnectionException or RedisTimeoutException) return true;
        return false;
    }
}
