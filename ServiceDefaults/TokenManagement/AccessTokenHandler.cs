using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace ShopAuthDemo.ServiceDefaults.TokenManagement;

// Attaches a bearer token to every request. A 401 means the callee no longer accepts the cached token
// (revoked, signing key rolled, clocks apart): renew it once and retry once. A second 401 is returned
// as it is, since a new token did not help and looping would hammer both the callee and the identity provider.
// The same for a service's own or exchanged token and a web app's user token (UserAccessTokenHandler).
public abstract class AccessTokenHandler(ILogger logger) : DelegatingHandler
{
    protected abstract string GrantType { get; }
    protected abstract string? Audience { get; }
    protected abstract string? Scope { get; }

    protected abstract Task<string> GetTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken);
    protected abstract Task<string> RenewTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    // A 401 that a renewed token cannot answer goes back to the caller as it came.
    protected virtual bool RenewalCanHelp(HttpResponseMessage unauthorized) => true;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A streamed body can be read only once; buffered, the retry sends the same bytes again.
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await GetTokenAsync(request, cancellationToken));
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !RenewalCanHelp(response))
        {
            return response;
        }

        logger.RenewingAfterUnauthorized(request.RequestUri?.Host, GrantType, Audience, Scope);
        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await RenewTokenAsync(request, cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
