using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShopAuthDemo.Testing.AppHost;

namespace ShopAuthDemo.EndToEnd.Partner;

/// <summary>
/// The external partner in the running system: ACME Logistics (partner-shipping) calls only the gateway
/// with its own client-credentials token; the gateway checks it at the edge, orders-api checks it again.
/// </summary>
public abstract class PartnerShippingBehaviour(AppHostFixture appHost)
{
    private static readonly TimeSpan ShippingDeadline = TimeSpan.FromSeconds(30);

    private CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private async Task<HttpClient> AliceAtOrdersApiAsync() =>
        appHost.CreateHttpClient("orders-api").WithBearer(await appHost.SignInAsync("alice", "openid orders", Cancellation));

    // Tokens these tests fetch as partner-acme themselves, so they can be told apart from the worker's own.
    private static int s_partnerTokensFetchedByTests;

    private async Task<string> PartnerTokenAsync()
    {
        Interlocked.Increment(ref s_partnerTokensFetchedByTests);
        using var identityProvider = appHost.CreateIdentityProviderClient();
        return await identityProvider.RequestClientCredentialsTokenAsync("partner-acme",
            await appHost.GetParameterValueAsync("partner-acme-client-secret", Cancellation), scope: "shipping", Cancellation);
    }

    private async Task<string> PlaceOrderAsync(HttpClient alice)
    {
        var order = await alice.PlaceOrderAsync(Cancellation, (3, 1));
        Assert.Equal("Paid", order.GetProperty("status").GetString());
        return order.GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> WaitUntilShippedAsync(HttpClient alice, string orderId)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var order = await alice.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}", Cancellation);
            if (order.GetProperty("status").GetString() == "Shipped") return order;
            Assert.True(clock.Elapsed < ShippingDeadline, $"Order {orderId} is still {order.GetProperty("status")} after {ShippingDeadline.TotalSeconds} s");
            await Task.Delay(500, Cancellation);
        }
    }

    [Fact]
    public async Task An_order_alice_places_is_shipped_by_acme_within_30_seconds()
    {
        SkipUnlessStarted();
        using var alice = await AliceAtOrdersApiAsync();
        var clock = Stopwatch.StartNew();

        var order = await WaitUntilShippedAsync(alice, await PlaceOrderAsync(alice));

        TestContext.Current.TestOutputHelper?.WriteLine($"placed -> Shipped in {clock.Elapsed.TotalSeconds:0.0} s");
        var shipment = order.GetProperty("shipment");
        Assert.Equal("ACME Logistics", shipment.GetProperty("shippedBy").GetString());
        Assert.StartsWith("ACME-", shipment.GetProperty("trackingNumber").GetString());
    }

    [Fact]
    public async Task Partner_route_called_straight_at_orders_api_without_a_token_is_401()
    {
        SkipUnlessStarted();
        // Around the gateway: orders-api does not trust the network, it asks for a token itself.
        using var orders = appHost.CreateHttpClient("orders-api");

        using var response = await orders.GetAsync("/api/partner/orders/ready-to-ship", Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Partner_token_through_the_gateway_reaches_the_partner_routes_but_not_the_customer_routes()
    {
        SkipUnlessStarted();
        using var gateway = appHost.CreateHttpClient("gateway").WithBearer(await PartnerTokenAsync());

        using var partnerRoute = await gateway.GetAsync("/partner/orders/ready-to-ship", Cancellation);
        using var customerRoute = await gateway.GetAsync("/orders", Cancellation);

        Assert.Equal(HttpStatusCode.OK, partnerRoute.StatusCode);
        // Let through at the edge (a valid token for orders-api), refused by orders-api: no role customer.
        Assert.Equal(HttpStatusCode.Forbidden, customerRoute.StatusCode);
    }

    [Fact]
    public async Task Alices_token_through_the_gateway_is_refused_on_the_partner_routes()
    {
        SkipUnlessStarted();
        using var gateway = appHost.CreateHttpClient("gateway").WithBearer(await appHost.SignInAsync("alice", "openid orders", Cancellation));

        using var response = await gateway.GetAsync("/partner/orders/ready-to-ship", Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_partner_ships_many_orders_with_one_client_credentials_token()
    {
        SkipUnlessStarted();
        var log = appHost.IdentityProviderLog;
        if (log is null) Assert.Skip("Counting token requests reads the local identity provider's log; Keycloak does not log them.");
        // The partner's own console log, to count the calls it made meanwhile (see ShippingWorker).
        await using var partnerLog = new ResourceLog(appHost.App, "partner-shipping");
        using var alice = await AliceAtOrdersApiAsync();
        var tokensBefore = await log.SettledCountAsync(PartnerTokenLogLine, Cancellation);
        var (pollsBefore, shipmentsBefore) = (partnerLog.Count(PollLogLine), partnerLog.Count(ShipmentLogLine));

        var orders = new List<string>();
        for (var i = 0; i < 3; i++) orders.Add(await PlaceOrderAsync(alice));
        foreach (var order in orders) await WaitUntilShippedAsync(alice, order);

        var tokensAfter = await log.SettledCountAsync(PartnerTokenLogLine, Cancellation);
        var shipments = await partnerLog.SettledCountAsync(ShipmentLogLine, Cancellation) - shipmentsBefore;
        var polls = partnerLog.Count(PollLogLine) - pollsBefore;
        var workersTokens = tokensAfter - Volatile.Read(ref s_partnerTokensFetchedByTests);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"partner-acme, during this test: {tokensAfter - tokensBefore} token requests for {polls + shipments} calls through the gateway " +
            $"({polls} polls, {shipments} shipments). Since the app started: the worker fetched {workersTokens} token(s) for " +
            $"{partnerLog.Count(PollLogLine) + partnerLog.Count(ShipmentLogLine)} calls (log lines seen)");
        Assert.True(workersTokens >= 1, "no client credentials token for partner-acme's worker in the identity provider's log");
        Assert.True(polls + shipments >= 4, $"only {polls + shipments} partner calls were seen");
        Assert.True(shipments >= orders.Count, $"the partner's log shows {shipments} shipments for {orders.Count} orders");
        // At most one renewal, if the cached token neared its expiry during the test; never one per call.
        Assert.InRange(tokensAfter - tokensBefore, 0, 1);
    }

    [Fact]
    public async Task A_burst_through_the_gateway_from_one_client_gets_429_and_another_client_does_not()
    {
        SkipUnlessStarted();
        // Anonymous callers share one budget per address; 60 is three windows' worth of the gateway's
        // 20 per 10 s, so even a burst that straddles a window boundary must meet the limit.
        const int Burst = 60;
        using var anonymous = appHost.CreateHttpClient("gateway");

        var responses = await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => anonymous.GetAsync("/catalog/products", Cancellation)));

        var rejected = responses.Where(response => response.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"burst of {Burst} anonymous requests: {responses.Count(r => r.IsSuccessStatusCode)} x 200, {rejected.Count} x 429, " +
            $"Retry-After {rejected.FirstOrDefault()?.Headers.RetryAfter?.Delta?.TotalSeconds} s");
        Assert.NotEmpty(rejected);
        Assert.All(rejected, response => Assert.NotNull(response.Headers.RetryAfter?.Delta));
        Assert.Equal("application/problem+json", rejected[0].Content.Headers.ContentType?.MediaType);

        using var partner = appHost.CreateHttpClient("gateway").WithBearer(await PartnerTokenAsync());
        using var unaffected = await partner.GetAsync("/partner/orders/ready-to-ship", Cancellation);
        Assert.Equal(HttpStatusCode.OK, unaffected.StatusCode);

        // Wait out the window, so the tests after this one do not inherit a spent budget.
        await Task.Delay(rejected.Max(response => response.Headers.RetryAfter!.Delta!.Value), Cancellation);
        foreach (var response in responses) response.Dispose();
    }

    // What Identity.Local logs for each client credentials token it issues to partner-acme, and what
    // partner-shipping logs for each call it makes.
    private const string PartnerTokenLogLine = "Client credentials token for partner-acme";
    private const string PollLogLine = "Checked for orders ready to ship";
    private const string ShipmentLogLine = "Shipped order";

    private void SkipUnlessStarted()
    {
        if (appHost.SkipReason is { } reason) Assert.Skip(reason);
    }
}
