using System.Net;
using System.Net.Http.Headers;

namespace ShopAuthDemo.Web.Authentication.Tokens;

/// <summary>
/// Sends the signed-in user's access token with each API call. A 401 means the API no longer accepts it
/// (expired on the way, signing key rolled): renew once and retry once, never in a loop.
/// </summary>
public sealed class UserAccessTokenHandler(CurrentUserSession currentSession, UserAccessTokens tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sessionKey = await currentSession.GetKeyAsync()
            ?? throw new SessionEndedException("You are not signed in.");

        // A streamed body can be read only once; buffered, the retry sends the same bytes again.
        if (request.Content is not null) await request.Content.LoadIntoBufferAsync(cancellationToken);

        var accessToken = await tokens.GetAccessTokenAsync(sessionKey, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;

        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
            await tokens.RenewRejectedAsync(sessionKey, accessToken, cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
