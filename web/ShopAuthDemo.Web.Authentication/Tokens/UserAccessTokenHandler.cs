using System.Net;
using System.Net.Http.Headers;
using ShopAuthDemo.Web.Authentication.StepUp;

namespace ShopAuthDemo.Web.Authentication.Tokens;

/// <summary>
/// Sends the signed-in user's access token with each API call. A 401 means the API no longer accepts it
/// (expired on the way, signing key rolled): renew once and retry once, never in a loop. Not so for a step-up
/// challenge (RFC 9470): the token is fine, the sign-in is too old, and a renewed token keeps the old
/// <c>auth_time</c>; that 401 goes back to the caller as it came.
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
        if (response.StatusCode != HttpStatusCode.Unauthorized || StepUpChallenge.Find(response) is not null) return response;

        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
            await tokens.RenewRejectedAsync(sessionKey, accessToken, cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
