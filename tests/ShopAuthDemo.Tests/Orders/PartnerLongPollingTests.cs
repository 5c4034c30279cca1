using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ShopAuthDemo.Tests.Orders.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Orders;

/// <summary>
/// A shipping partner waits for paid orders instead of asking every few seconds (long polling): the answer comes
/// as soon as an order is paid, or empty when the wait it asked for is over.
/// </summary>
public sealed class PartnerLongPollingTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly OrdersApiHost _host = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<(List<string> Orders, TimeSpan Took)> WaitForReadyToShipAsync(int waitSeconds)
    {
        var clock = Stopwatch.StartNew();
        var ready = await _host.As(OrderTokens.Partner)
            .GetFromJsonAsync<JsonElement>($"/api/partner/orders/ready-to-ship?waitSeconds={waitSeconds}", Ct);
        return ([.. ready.EnumerateArray().Select(order => order.GetProperty("orderId").GetString()!)], clock.Elapsed);
    }

    private async Task<string> PlaceAsync()
    {
        using var response = await _host.As(OrderTokens.Alice).PostAsJsonAsync("/api/orders", new { items = new[] { new { productId = 1, quantity = 1 } } }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_paid_order_that_is_already_there_is_answered_without_waiting()
    {
        var id = await PlaceAsync();

        var (orders, took) = await WaitForReadyToShipAsync(waitSeconds: 30);

        Assert.Equal([id], orders);
        Assert.True(took < TimeSpan.FromSeconds(5), $"answered after {took.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_waiting_partner_gets_an_order_as_soon_as_it_is_paid()
    {
        var waiting = WaitForReadyToShipAsync(waitSeconds: 30);
        await Task.Delay(500, Ct);
        Assert.False(waiting.IsCompleted, "the answer came before any order was paid");

        var id = await PlaceAsync();
        var (orders, took) = await waiting;

        Assert.Equal([id], orders);
        Assert.True(took < TimeSpan.FromSeconds(10), $"answered {took.TotalSeconds:0.0} s after asking; the wait was 30 s");
    }

    [Fact]
    public async Task Without_a_paid_order_the_answer_is_empty_when_the_wait_is_over()
    {
        var (orders, took) = await WaitForReadyToShipAsync(waitSeconds: 1);

        Assert.Empty(orders);
        Assert.InRange(took, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Without_a_wait_the_answer_comes_at_once_as_before()
    {
        var clock = Stopwatch.StartNew();

        var ready = await _host.As(OrderTokens.Partner).GetFromJsonAsync<JsonElement>("/api/partner/orders/ready-to-ship", Ct);

        Assert.Equal(0, ready.GetArrayLength());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"answered after {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
