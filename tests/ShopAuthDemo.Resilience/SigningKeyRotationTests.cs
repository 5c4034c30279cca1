using System.Net;
using System.Text.Json;
using ShopAuthDemo.Testing.AppHost;
using ShopAuthDemo.Resilience.Infrastructure;
using ShopAuthDemo.Testing;

namespace ShopAuthDemo.Resilience;

/// <summary>
/// The dashboard's "Rotate signing key" on the identity provider: the running APIs accept tokens of the
/// new key at once, each fetching the keys once, and tokens of the old key keep working.
/// </summary>
[SuiteStep(2)]
public sealed class SigningKeyRotationTests(ResilienceAppHost appHost, ITestOutputHelper output)
{
    // The IdP's request log line for a JWKS fetch: "Request starting HTTP/1.1 GET http://…/certs - - -".
    private const string JwksRequestStarting = "/realms/shop/protocol/openid-connect/certs - - -";

    [Fact]
    public async Task Apis_accept_the_new_key_at_once_with_one_key_fetch_each_and_old_tokens_keep_working()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var before = appHost.CreateHttpClient("orders-api").WithBearer(await appHost.SignInAsync("alice", "openid orders", cancellation));
        await before.PlaceOrderAsync(cancellation, (1, 1));
        var oldKid = KidOf(before);
        var fetchesBefore = await JwksFetchesAsync(cancellation);

        await appHost.ExecuteAsync("identity-local", "rotate-signing-key", cancellation);

        using var after = appHost.CreateHttpClient("orders-api").WithBearer(await appHost.SignInAsync("alice", "openid orders", cancellation));
        Assert.NotEqual(oldKid, KidOf(after));
        // The very first request with the new key succeeds: the key fetch happens inline.
        var first = await after.PlaceOrderAsync(cancellation, (1, 1));
        Assert.Equal("Paid", first.GetProperty("status").GetString());
        var fetchesAfterFirst = await JwksFetchesAsync(cancellation) - fetchesBefore;

        for (var order = 0; order < 10; order++) await after.PlaceOrderAsync(cancellation, (1, 1));
        using var oldTokenStillValid = await before.GetAsync("/api/orders", cancellation);
        var fetchesAfterAll = await JwksFetchesAsync(cancellation) - fetchesBefore;

        output.WriteLine($"JWKS fetches after rotation: {fetchesAfterFirst} for the first order, {fetchesAfterAll} after 10 more orders and an old-key request.");
        Assert.Equal(HttpStatusCode.OK, oldTokenStillValid.StatusCode);
        // orders-api met the new kid in alice's token, payments-api in her exchanged one; catalog-api still
        // gets orders-api's cached client-credentials token of the old key. One fetch each, then none.
        Assert.InRange(fetchesAfterFirst, 1, 3);
        Assert.Equal(fetchesAfterFirst, fetchesAfterAll);
    }

    private Task<int> JwksFetchesAsync(CancellationToken cancellationToken) =>
        appHost.LogOf("identity-local").SettledCountAsync(JwksRequestStarting, cancellationToken);

    private static string KidOf(HttpClient client)
    {
        var header = client.DefaultRequestHeaders.Authorization!.Parameter!.Split('.')[0];
        return JsonDocument.Parse(Base64Url.Decode(header)).RootElement.GetProperty("kid").GetString()!;
    }
}
