using Microsoft.Extensions.Logging;
using ShopAuthDemo.ServiceDefaults.TokenManagement;
using ShopAuthDemo.Web.Authentication.StepUp;

namespace ShopAuthDemo.Web.Authentication.Tokens;

/// <summary>
/// Sends the signed-in user's access token with each API call; a 401 renews it once and retries once, as a
/// service's token handler does. Not so for a step-up challenge (RFC 9470): the token is fine, the sign-in is
/// too old, and a renewed token keeps the old <c>auth_time</c>; that 401 goes back to the caller as it came.
/// </summary>
public sealed class UserAccessTokenHandler(CurrentUserSession currentSession, UserAccessTokens tokens, ILogger<UserAccessTokenHandler> logger)
    : AccessTokenHandler(logger)
{
    protected override string GrantType => "refresh_token";
    protected override string? Audience => null;
    protected override string? Scope => null;

    protected override async Task<string> GetTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        await tokens.GetAccessTokenAsync(await SessionKeyAsync(), cancellationToken);

    // The token the API refused is the one this request carries; renewed only if no other caller has already.
    protected override async Task<string> RenewTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        await tokens.RenewRejectedAsync(await SessionKeyAsync(), request.Headers.Authorization!.Parameter!, cancellationToken);

    protected override bool RenewalCanHelp(HttpResponseMessage unauthorized) => StepUpChallenge.Find(unauthorized) is null;

    private async Task<string> SessionKeyAsync() =>
        await currentSession.GetKeyAsync() ?? throw new SessionEndedException("You are not signed in.");
}
