using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShopAuthDemo.Tests.Orders.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Orders;

/// <summary>A shipping partner ships paid orders; the customer sees who shipped hers.</summary>
public sealed class PartnerShippingTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly OrdersApiHost _host = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<string> PlaceAsync(TestToken buyer)
    {
        using var response = await _host.As(buyer).PostAsJsonAsync("/api/orders", new { items = new[] { new { productId = 1, quantity = 2 } } }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
    }

    private async Task<List<string>> ReadyToShipAsync() =>
        [.. (await _host.As(OrderTokens.Partner).GetFromJsonAsync<JsonElement>("/api/partner/orders/ready-to-ship", Ct))
            .EnumerateArray().Select(order => order.GetProperty("orderId").GetString()!)];

    private Task<HttpResponseMessage> ShipAsync(string orderId, string trackingNumber = "ACME-0001", TestToken? partner = null) =>
        _host.As(partner ?? OrderTokens.Partner).PostAsJsonAsync($"/api/partner/orders/{orderId}/shipments",
            new { carrier = "ACME Logistics", trackingNumber }, Ct);

    [Fact]
    public async Task Paid_orders_are_ready_to_ship_and_the_partner_sees_what_to_ship_not_who_paid()
    {
        var id = await PlaceAsync(OrderTokens.Alice);

        var ready = await _host.As(OrderTokens.Partner).GetFromJsonAsync<JsonElement>("/api/partner/orders/ready-to-ship", Ct);

        var order = Assert.Single(ready.EnumerateArray());
        Assert.Equal(id, order.GetProperty("orderId").GetString());
        Assert.Equal(2, order.GetProperty("items")[0].GetProperty("quantity").GetInt32());
        Assert.DoesNotContain("alice", ready.GetRawText());
        Assert.False(order.TryGetProperty("total", out _));
    }

    [Fact]
    public async Task Partner_ships_a_paid_order_and_alice_sees_it_shipped_by_acme()
    {
        var id = await PlaceAsync(OrderTokens.Alice);

        using var shipped = await ShipAsync(id, "ACME-4711");

        Assert.Equal(HttpStatusCode.Created, shipped.StatusCode);
        Assert.Equal("ACME Logistics", (await shipped.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("shippedBy").GetString());
        var order = await _host.As(OrderTokens.Alice).GetFromJsonAsync<JsonElement>($"/api/orders/{id}", Ct);
        Assert.Equal("Shipped", order.GetProperty("status").GetString());
        var shipment = order.GetProperty("shipment");
        Assert.Equal("ACME Logistics", shipment.GetProperty("shippedBy").GetString());
        Assert.Equal("ACME-4711", shipment.GetProperty("trackingNumber").GetString());
        // The payment is still there: shipping adds to the order, it does not replace its history.
        Assert.Equal("orders-api", order.GetProperty("payment").GetProperty("chargedVia").GetString());
        Assert.Empty(await ReadyToShipAsync());
    }

    [Fact]
    public async Task Shipping_twice_records_one_shipment()
    {
        var id = await PlaceAsync(OrderTokens.Alice);
        using var first = await ShipAsync(id, "ACME-0001");
        var firstShipment = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);

        using var again = await ShipAsync(id, "ACME-0002");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var secondShipment = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("ACME-0001", secondShipment.GetProperty("trackingNumber").GetString());
        Assert.Equal(firstShipment.GetProperty("shippedAt").GetString(), secondShipment.GetProperty("shippedAt").GetString());
        var all = await _host.As(OrderTokens.Carol).GetFromJsonAsync<JsonElement>("/api/staff/orders", Ct);
        Assert.Equal("ACME-0001", Assert.Single(all.EnumerateArray()).GetProperty("shipment").GetProperty("trackingNumber").GetString());
    }

    [Fact]
    public async Task Another_partner_cannot_overwrite_a_shipment()
    {
        _host.Settings["Partners:Clients:partner-other"] = "Other Freight";
        var id = await PlaceAsync(OrderTokens.Alice);
        using var first = await ShipAsync(id);

        using var other = await ShipAsync(id, "OTHER-1", OrderTokens.Partner with { AuthorizedParty = "partner-other" });

        await other.AssertProblemDetailsAsync(HttpStatusCode.Conflict);
        var order = await _host.As(OrderTokens.Alice).GetFromJsonAsync<JsonElement>($"/api/orders/{id}", Ct);
        Assert.Equal("ACME Logistics", order.GetProperty("shipment").GetProperty("shippedBy").GetString());
    }

    [Fact]
    public async Task An_unpaid_order_is_not_ready_and_cannot_be_shipped()
    {
        _host.Downstream.PaymentsDown = true;
        var id = await PlaceAsync(OrderTokens.Alice);

        using var response = await ShipAsync(id);

        Assert.Empty(await ReadyToShipAsync());
        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.Conflict);
        Assert.Contains("AwaitingPayment", problem.Detail);
    }

    [Theory]
    [InlineData("""{ "carrier": "ACME Logistics" }""")]
    [InlineData("""{ "trackingNumber": "ACME-1" }""")]
    [InlineData("""{ not json""")]
    public async Task Incomplete_shipment_is_400_problem_details(string body)
    {
        var id = await PlaceAsync(OrderTokens.Alice);

        using var response = await _host.As(OrderTokens.Partner).PostAsync($"/api/partner/orders/{id}/shipments",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        await response.AssertProblemDetailsAsync(HttpStatusCode.BadRequest);
        Assert.Equal([id], await ReadyToShipAsync());
    }

    [Fact]
    public async Task Shipment_is_logged_with_the_partner_client_and_never_the_token()
    {
        var logs = new CapturedLogs();
        _host.ConfigureServices = services => services.AddSingleton<ILoggerProvider>(logs);
        var id = await PlaceAsync(OrderTokens.Alice);
        var token = _host.Tokens.CreateToken(OrderTokens.Partner);

        using var response = await _host.Anonymous().WithBearer(token).PostAsJsonAsync($"/api/partner/orders/{id}/shipments",
            new { carrier = "ACME Logistics", trackingNumber = "ACME-7" }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains(logs.Messages, message => message.Contains($"Order {id} shipped by partner-acme") && message.Contains("ACME-7"));
        Assert.DoesNotContain(logs.Messages, message => message.Contains(token.Split('.')[2]) || message.Contains(token.Split('.')[1]));
    }

    [Fact]
    public async Task An_orders_database_of_an_older_shape_is_rebuilt_on_start()
    {
        // What the previous version left behind: an Orders table without shipment columns, no schema version.
        await using (var connection = new SqliteConnection(_host.Database.ConnectionString))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE Orders (Id TEXT PRIMARY KEY, BuyerId TEXT NOT NULL)";
            await command.ExecuteNonQueryAsync(Ct);
        }

        var id = await PlaceAsync(OrderTokens.Alice);

        using var shipped = await ShipAsync(id);
        Assert.Equal(HttpStatusCode.Created, shipped.StatusCode);
    }
}
