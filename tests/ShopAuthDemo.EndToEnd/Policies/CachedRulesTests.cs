using System.Net;
using ShopAuthDemo.Testing.AppHost;
using ShopAuthDemo.EndToEnd.Policies.Support;

namespace ShopAuthDemo.EndToEnd.Policies;

/// <summary>
/// The services decide in process, on their own copy of the rules: with policy-api stopped they go on deciding
/// with the rules they last loaded (no 503, no allow-all), and pick up changes again once it is back.
/// </summary>
public sealed class CachedRulesTests(LocalIdentityAppHost appHost)
{
    private const int Beans = 1;
    private const int Grinder = 3;
    private const string LocationRuleName = "No grinders to the US";

    /// <summary>Longer than any refresh interval of the services (the rules reach them within 10 s), so they have tried.</summary>
    private static readonly TimeSpan SeveralRefreshes = TimeSpan.FromSeconds(15);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_policy_api_stopped_orders_are_still_decided_on_the_cached_rules()
    {
        using var bob = appHost.CreateHttpClient("orders-api")
            .WithBearer(await appHost.SignInAsync("bob", "openid profile orders", Cancellation));
        using var alice = appHost.CreateHttpClient("orders-api")
            .WithBearer(await appHost.SignInAsync("alice", "openid profile orders", Cancellation));
        await PolicyRules.WithinAsync(TimeSpan.FromSeconds(30),
            async () => (await OrderAsync(bob, Grinder)).Rule == LocationRuleName, "orders-api decides with the seeded location rule");

        await appHost.StopResourceAsync("policy-api", Cancellation);
        try
        {
            await AssertDecidedOnCachedRulesAsync(bob, alice);
            await Task.Delay(SeveralRefreshes, Cancellation);
            await AssertDecidedOnCachedRulesAsync(bob, alice);
        }
        finally
        {
            await appHost.StartResourceAsync("policy-api", CancellationToken.None);
        }
    }

    private static async Task AssertDecidedOnCachedRulesAsync(HttpClient bob, HttpClient alice)
    {
        var refused = await OrderAsync(bob, Grinder);
        Assert.True(refused is { Status: HttpStatusCode.Forbidden, Rule: LocationRuleName }, $"bob's grinder order with policy-api down: {refused}");
        var placed = await OrderAsync(alice, Beans);
        Assert.True(placed.Status == HttpStatusCode.Created, $"alice's order with policy-api down: {placed}");
    }

    private static async Task<RefusedRequest> OrderAsync(HttpClient orders, int productId)
    {
        using var response = await orders.PostOrderAsync(Cancellation, (productId, 1));
        return await RefusedRequest.ReadAsync(response);
    }
}
