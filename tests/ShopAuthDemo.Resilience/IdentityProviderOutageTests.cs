using System.Net;
using ShopAuthDemo.Testing.AppHost;
using ShopAuthDemo.Resilience.Infrastructure;
using ShopAuthDemo.Testing;

namespace ShopAuthDemo.Resilience;

/// <summary>
/// The identity provider stopped mid-session: what keeps working on cached keys and cached tokens, what
/// fails and how it tells the user, and recovery once it is back, without restarting anything else.
/// </summary>
[SuiteStep(3)]
public sealed class IdentityProviderOutageTests(ResilienceAppHost appHost, ITestOutputHelper output)
{
    private const string IdentityProvider = "identity-local";

    [Fact]
    public async Task Apis_keep_serving_on_cached_keys_and_tokens_sign_in_explains_the_outage_and_all_recovers()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var aliceToken = await appHost.SignInAsync("alice", "openid orders", cancellation);
        using var alice = appHost.CreateHttpClient("orders-api").WithBearer(aliceToken);
        // Warms every cache on the way: orders-api's client-credentials token for catalog-api, alice's
        // exchanged token for payments-api, and each API's copy of the signing keys.
        await alice.PlaceOrderAsync(cancellation, (1, 1));

        await appHost.StopAsync(IdentityProvider, cancellation);
        var signInProblemAfter = TimeSpan.Zero;
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var duringOutage = await alice.PlaceOrderAsync(cancellation, (1, 1));
            Assert.Equal("Paid", duringOutage.GetProperty("status").GetString());
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));

            // A token naming an unknown key makes orders-api try to fetch the keys from the stopped provider.
            // That attempt must not hold up requests whose token it has already checked.
            using var forged = appHost.CreateHttpClient("orders-api").WithBearer(ForgedToken());
            using var refused = await forged.GetAsync("/api/orders", cancellation);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            clock.Restart();
            using var stillServed = await alice.GetAsync("/api/orders", cancellation);
            Assert.Equal(HttpStatusCode.OK, stillServed.StatusCode);
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(3));

            using var shop = NonFollowingClient("shop-web");
            clock.Restart();
            using var signIn = await shop.GetAsync("/authentication/login?returnUrl=%2Fcart", cancellation);
            signInProblemAfter = clock.Elapsed;
            // Within the web app's 10 s wait for the identity provider, not a minute of spinning.
            Assert.InRange(signInProblemAfter, TimeSpan.Zero, TimeSpan.FromSeconds(15));
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            var problemPage = signIn.Headers.Location!.OriginalString;
            Assert.StartsWith("/authentication/problem?reason=unavailable", problemPage);
            var page = await shop.GetStringAsync(problemPage, cancellation);
            Assert.Contains("The sign-in server is not reachable", page);
            Assert.Contains("try again", page);
        }
        finally
        {
            await appHost.StartAsync(IdentityProvider, CancellationToken.None);
        }

        // Back: a new sign-in works and its token (signed with the restarted provider's new key) is accepted
        // by orders-api and, through it, by catalog-api and payments-api: the new key was fetched on demand.
        var afterToken = await appHost.SignInAsync("alice", "openid orders", cancellation);
        using var aliceAgain = appHost.CreateHttpClient("orders-api").WithBearer(afterToken);
        var (afterOutage, waited) = await FirstAcceptedOrderAsync(aliceAgain, cancellation);
        output.WriteLine($"Outage: sign-in problem page after {signInProblemAfter.TotalSeconds:0.0} s; orders accepted again {waited.TotalSeconds:0.0} s after the restart.");
        Assert.Equal("Paid", afterOutage.GetProperty("status").GetString());

        // Identity.Local's keys lived in its memory, so the restart withdrew the old one: tokens it signed
        // are now refused, not honoured from a remembered copy of the old keys. (Keycloak keeps its keys.)
        using var stale = await alice.GetAsync("/api/orders", cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
    }

    // Each API refetches the keys on the restarted provider's new kid, at most once per 5 s (RefreshInterval
    // in ServiceDefaults); a request with the new kid waits for that fetch. After a wait in which the provider
    // did not answer at all, unknown kids are refused at once for 30 s. Recovery is bounded by these, not by a restart.
    private static async Task<(System.Text.Json.JsonElement Order, TimeSpan Waited)> FirstAcceptedOrderAsync(
        HttpClient orders, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var response = await orders.PostOrderAsync(cancellationToken, (1, 1));
            if (response.StatusCode == HttpStatusCode.Created)
                return (System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.Clone(), clock.Elapsed);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized && clock.Elapsed < TimeSpan.FromSeconds(45),
                $"After the restart orders-api answered {(int)response.StatusCode} after {clock.Elapsed.TotalSeconds:0} s");
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    // Well formed, RS256, but naming a key the identity provider never had; the signature is random bytes.
    private static string ForgedToken()
    {
        var header = System.Text.Encoding.UTF8.GetBytes("""{"alg":"RS256","typ":"JWT","kid":"made-up-during-the-outage"}""");
        var payload = System.Text.Encoding.UTF8.GetBytes("""{"sub":"mallory","aud":"orders-api"}""");
        return $"{Base64Url.Encode(header)}.{Base64Url.Encode(payload)}.{Base64Url.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(256))}";
    }

    private HttpClient NonFollowingClient(string resourceName) => appHost.CreateHttpClient(resourceName, allowAutoRedirect: false);
}
