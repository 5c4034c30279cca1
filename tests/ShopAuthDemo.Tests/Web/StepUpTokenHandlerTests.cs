using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using ShopAuthDemo.Tests.Web.Support;
using ShopAuthDemo.Web.Authentication.Circuits;
using ShopAuthDemo.Web.Authentication.Sessions;
using ShopAuthDemo.Web.Authentication.StepUp;
using ShopAuthDemo.Web.Authentication.Tokens;
using Xunit;

namespace ShopAuthDemo.Tests.Web;

/// <summary>
/// A 401 usually means "this token is no good": renew it and retry once. A step-up challenge means "this
/// sign-in is too old", which a renewed token (same auth_time) cannot fix: it goes back to the page as it came.
/// </summary>
public sealed class StepUpTokenHandlerTests
{
    private const string StepUp = """Bearer error="insufficient_user_authentication", max_age=300""";

    [Fact]
    public async Task A_step_up_challenge_reaches_the_page_without_a_token_renewal_or_a_retry()
    {
        var api = new RefusingApi(StepUp);

        using var response = await SendAsync(api);

        Assert.Equal(1, api.Requests);
        Assert.Equal(300, StepUpChallenge.Find(response)?.MaxAgeSeconds);
    }

    [Fact]
    public async Task Any_other_401_is_retried_once_with_a_renewed_token()
    {
        var api = new RefusingApi("""Bearer error="invalid_token", error_description="The signature key was not found" """);

        using var response = await SendAsync(api);

        Assert.Equal(2, api.Requests);
        Assert.Null(StepUpChallenge.Find(response));
    }

    private static async Task<HttpResponseMessage> SendAsync(RefusingApi api)
    {
        var time = TimeProvider.System;
        var now = time.GetUtcNow();
        var sessions = new InMemoryUserSessionStore(time, NullLogger<InMemoryUserSessionStore>.Instance);
        await sessions.SaveAsync(new UserSession("session-key", new AuthenticationTicket(new ClaimsPrincipal(), "Cookies"),
            new UserTokens("access-token-of-alice", "refresh-token-of-alice", null, now, now.AddMinutes(5)), "sid", "alice-id", now.AddHours(1)));
        // The identity provider cannot be reached: a renewal keeps the (still valid) token, and says so in the log.
        var identityProvider = UnreachableIdentityProvider.Client();
        var tokens = new UserAccessTokens(sessions, identityProvider, new SessionEnd(sessions, identityProvider, NullLogger<SessionEnd>.Instance),
            time, NullLogger<UserAccessTokens>.Instance);
        var request = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(SessionClaimTypes.SessionKey, "session-key")], "Cookies")) };
        var handler = new UserAccessTokenHandler(new CurrentUserSession(new CircuitServicesAccessor(), new HttpContextAccessor { HttpContext = request }), tokens,
            NullLogger<UserAccessTokenHandler>.Instance)
        {
            InnerHandler = api,
        };
        using var client = new HttpClient(handler) { BaseAddress = new("http://orders-api") };
        return await client.PostAsync("/api/orders", new StringContent("{}"), TestContext.Current.CancellationToken);
    }

    private sealed class RefusingApi(string challenge) : HttpMessageHandler
    {
        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
            response.Headers.TryAddWithoutValidation("WWW-Authenticate", challenge);
            return Task.FromResult(response);
        }
    }
}
