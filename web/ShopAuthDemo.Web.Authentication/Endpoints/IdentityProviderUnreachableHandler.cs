using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace ShopAuthDemo.Web.Authentication.Endpoints;

/// <summary>
/// Starting a sign-in needs the identity provider's discovery document. When the provider is down that
/// fails with an exception; the user gets a page saying what failed and what to do, not an error page.
/// </summary>
internal sealed class IdentityProviderUnreachableHandler(ILogger<IdentityProviderUnreachableHandler> logger) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsDiscoveryFailure(exception)) return ValueTask.FromResult(false);

        logger.LogWarning("Sign-in could not start, the identity provider is unreachable: {Reason}", exception.Message);
        var returnUrl = context.Request.Query.TryGetValue("returnUrl", out var requested)
            ? requested.ToString()
            : $"{context.Request.PathBase}{context.Request.Path}{context.Request.QueryString}";
        context.Response.Redirect(QueryHelpers.AddQueryString(SignInProblem.Path, new Dictionary<string, string?>
        {
            ["reason"] = SignInProblem.Unavailable,
            ["returnUrl"] = LocalReturnUrl.OrFallback(returnUrl),
        }));
        return ValueTask.FromResult(true);
    }

    // IDX20803: "Unable to obtain configuration from …", thrown by the handler's configuration manager.
    private static bool IsDiscoveryFailure(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
            if (exception is InvalidOperationException && exception.Message.StartsWith("IDX20803", StringComparison.Ordinal))
                return true;
        return false;
    }
}
