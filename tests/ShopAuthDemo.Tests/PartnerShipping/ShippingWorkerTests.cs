extern alias PartnerShipping;

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using PartnerShipping::ShopAuthDemo.Partner.Shipping.Extensions;
using PartnerShipping::ShopAuthDemo.Partner.Shipping.Gateway;
using PartnerShipping::ShopAuthDemo.Partner.Shipping.Shipping;
using ShopAuthDemo.ServiceDefaults.TokenManagement;
using ShopAuthDemo.Tests.Support;
using ShopAuthDemo.Tests.TokenManagement.Support;
using Xunit;

namespace ShopAuthDemo.Tests.PartnerShipping;

/// <summary>ACME's worker against a stand-in for the shop's gateway: it waits at the shop for paid orders and ships them.</summary>
public sealed class ShippingWorkerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ShippingSettings Settings =
        new(new Uri("http://gateway"), "ACME Logistics", WaitForOrders: TimeSpan.FromSeconds(25), RetryDelay: TimeSpan.FromMilliseconds(300));

    /// <summary>The gateway as the worker sees it: answers the ready-to-ship question with <c>answer</c>, records shipments.</summary>
    private sealed class GatewayStandIn(Func<int, CancellationToken, Task<object[]>> answer) : HttpMessageHandler
    {
        public ConcurrentQueue<string> Requests { get; } = new();

        public int Polls => Requests.Count(request => request.StartsWith("GET", StringComparison.Ordinal));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Enqueue($"{request.Method} {request.RequestUri!.PathAndQuery}");
            if (request.Method == HttpMethod.Get)
                return new(HttpStatusCode.OK) { Content = JsonContent.Create(await answer(Polls, cancellationToken)) };

            var orderId = request.RequestUri.Segments[^2].TrimEnd('/');
            return new(HttpStatusCode.Created)
            {
                Content = JsonContent.Create(new
                {
                    orderId,
                    status = "Shipped",
                    carrier = "ACME Logistics",
                    trackingNumber = "ACME-1",
                    shippedBy = "ACME Logistics",
                    shippedAt = DateTimeOffset.UtcNow
                }),
            };
        }
    }

    private static async Task RunWorkerAsync(GatewayStandIn gateway, Func<Task> until)
    {
        using var http = new HttpClient(gateway) { BaseAddress = Settings.Gateway };
        using var worker = new ShippingWorker(new ShippingGatewayClient(http), Settings, new ShippingWorkerStatus(TimeProvider.System),
            TimeProvider.System, NullLogger<ShippingWorker>.Instance);
        await worker.StartAsync(Ct);
        try
        {
            await until();
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    private static object ReadyOrder(Guid id) =>
        new { orderId = id, placedAt = DateTimeOffset.UtcNow, items = new[] { new { productId = 3, productName = "Mug", quantity = 1 } } };

    [Fact]
    public async Task The_worker_asks_the_shop_to_hold_its_question_and_ships_what_the_answer_brings()
    {
        var paid = Guid.NewGuid();
        // The first answer brings a paid order; later ones are held as the shop would hold them.
        var gateway = new GatewayStandIn(async (poll, held) =>
        {
            if (poll == 1) return [ReadyOrder(paid)];
            await Task.Delay(Timeout.Infinite, held);
            return [];
        });

        await RunWorkerAsync(gateway, () => Eventually.TrueAsync(
            () => gateway.Requests.Any(request => request.StartsWith("POST", StringComparison.Ordinal)) && gateway.Polls >= 2,
            TimeSpan.FromSeconds(10), "a shipment, then the next question"));

        Assert.Equal("GET /partner/orders/ready-to-ship?waitSeconds=25", gateway.Requests.First());
        Assert.Contains($"POST /partner/orders/{paid}/shipments", gateway.Requests);
        Assert.Equal(2, gateway.Polls);
    }

    [Fact]
    public async Task A_shop_that_answers_at_once_with_nothing_is_not_asked_again_in_a_tight_loop()
    {
        var gateway = new GatewayStandIn((_, _) => Task.FromResult(Array.Empty<object>()));

        await RunWorkerAsync(gateway, () => Task.Delay(TimeSpan.FromSeconds(1.5), Ct));

        // One question per RetryDelay (300 ms) at most: about five in 1.5 s, not thousands.
        Assert.InRange(gateway.Polls, 1, 7);
    }

    [Fact]
    public async Task The_partners_client_waits_while_the_shop_holds_the_request_longer_than_the_usual_10_s_attempt()
    {
        // A gateway that holds the question for 11 s, as the shop does when no order is paid.
        var holdingGateway = new GatewayStandIn(async (_, held) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(11), held);
            return [];
        });
        // Development: the stand-in identity provider speaks plain http.
        var builder = Host.CreateEmptyApplicationBuilder(new() { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Identity:Authority"] = FakeIdentityProvider.Authority,
            ["Identity:ClientId"] = TokenManagementTestHost.ClientId,
            ["Identity:ClientSecret"] = TokenManagementTestHost.ClientSecret,
            ["Shipping:Gateway"] = "http://gateway",
            ["Shipping:Carrier"] = "ACME Logistics",
            ["Shipping:WaitForOrders"] = "00:00:12",
            ["Shipping:RetryDelay"] = "00:00:03",
        });
        // As ServiceDefaults gives every client: the standard handler, 10 s per attempt.
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        builder.AddTokenManagement();
        builder.Services.AddHttpClient(TokenManagementExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new FakeIdentityProvider());
        builder.AddShippingPartner();
        builder.Services.AddHttpClient<ShippingGatewayClient>().ConfigurePrimaryHttpMessageHandler(() => holdingGateway);
        using var partner = builder.Build();

        var ready = await partner.Services.GetRequiredService<ShippingGatewayClient>().WaitForReadyToShipAsync(TimeSpan.FromSeconds(12), Ct);

        Assert.Empty(ready);
        Assert.Equal(1, holdingGateway.Polls);
    }
}
