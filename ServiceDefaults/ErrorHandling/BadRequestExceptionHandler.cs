using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace ShopAuthDemo.ServiceDefaults.ErrorHandling;

// A malformed JSON body or an unparsable parameter is the caller's mistake: 400, not 500,
// and no error log entry for something any client can trigger at will.
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            // The message names the parameter that could not be read; the inner exception is not sent.
            ProblemDetails = { Status = badRequest.StatusCode, Title = "The request could not be read.", Detail = badRequest.Message },
        });
        return true;
    }
}
