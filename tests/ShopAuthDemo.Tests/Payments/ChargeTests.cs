using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.Payments.Api.Apis;
using ShopAuthDemo.Payments.Api.Model;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Payments;

public sealed class ChargeTests(PaymentsApiHost payments) : IClassFixture<PaymentsApiHost>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Charge_records_the_payer_from_sub_and_the_service_from_azp()
    {
        var orderId = Guid.NewGuid();

        var response = await ChargeAsync(PaymentCallers.Alice, orderId, 12.50m);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/payments/{orderId}", response.Headers.Location?.OriginalString);
        var payment = await response.Content.ReadFromJsonAsync<PaymentResponse>(Cancellation);
        Assert.Equal("Captured", payment?.Status);
        var stored = await StoredAsync(orderId);
        Assert.Equal(payment?.PaymentId, stored.PaymentId);
        Assert.Equal(12.50m, stored.Amount);
        Assert.Equal(PaymentCallers.Alice.Subject, stored.PayerSub);
        Assert.Equal("alice", stored.PayerUsername);
        Assert.Equal("orders-api", stored.ChargedVia);
        Assert.Equal(PaymentStatus.Captured, stored.Status);
        Assert.InRange(stored.ChargedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Second_charge_for_the_same_order_returns_the_existing_payment_without_charging_again()
    {
        var orderId = Guid.NewGuid();
        var first = await ChargeAsync(PaymentCallers.Alice, orderId, 30.00m);

        var second = await ChargeAsync(PaymentCallers.Alice, orderId, 30.00m);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(
            (await first.Content.ReadFromJsonAsync<PaymentResponse>(Cancellation))?.PaymentId,
            (await second.Content.ReadFromJsonAsync<PaymentResponse>(Cancellation))?.PaymentId);
        Assert.Equal(1, await CountAsync(orderId));
    }

    [Fact]
    public async Task Charge_with_a_different_amount_for_a_charged_order_is_409()
    {
        var orderId = Guid.NewGuid();
        await ChargeAsync(PaymentCallers.Alice, orderId, 30.00m);

        var response = await ChargeAsync(PaymentCallers.Alice, orderId, 31.00m);

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.Conflict);
        Assert.Contains(orderId.ToString(), problem.Detail);
        Assert.Equal(30.00m, (await StoredAsync(orderId)).Amount);
    }

    [Fact]
    public async Task Amount_above_5000_is_declined_with_422_and_recorded_so_a_retry_gets_the_same_answer()
    {
        var orderId = Guid.NewGuid();

        var declined = await ChargeAsync(PaymentCallers.Alice, orderId, 5_000.01m);
        var retried = await ChargeAsync(PaymentCallers.Alice, orderId, 5_000.01m);

        var problem = await declined.AssertProblemDetailsAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Payment declined", problem.Title);
        Assert.Contains("5,000.00", problem.Detail);
        var retryProblem = await retried.AssertProblemDetailsAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(PaymentId(problem), PaymentId(retryProblem));
        Assert.Equal("Declined", ((JsonElement)problem.Extensions["paymentStatus"]!).GetString());
        var stored = await StoredAsync(orderId);
        Assert.Equal(PaymentStatus.Declined, stored.Status);
        Assert.Equal(stored.PaymentId.ToString(), PaymentId(problem));
        Assert.Equal(1, await CountAsync(orderId));
    }

    [Fact]
    public async Task Amount_of_exactly_5000_is_captured()
    {
        var response = await ChargeAsync(PaymentCallers.Alice, Guid.NewGuid(), 5_000.00m);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Declined_payment_reads_as_declined()
    {
        var orderId = Guid.NewGuid();
        await ChargeAsync(PaymentCallers.Alice, orderId, 9_999.00m);

        var payment = await payments.As(PaymentCallers.Alice).GetFromJsonAsync<PaymentResponse>($"/api/payments/{orderId}", Cancellation);

        Assert.Equal("Declined", payment?.Status);
    }

    [Fact]
    public async Task Another_customers_payment_is_404()
    {
        var orderId = Guid.NewGuid();
        await ChargeAsync(PaymentCallers.Alice, orderId, 18.75m);

        var asBob = await payments.As(PaymentCallers.Bob).GetAsync($"/api/payments/{orderId}", Cancellation);
        var asAlice = await payments.As(PaymentCallers.Alice).GetAsync($"/api/payments/{orderId}", Cancellation);

        await asBob.AssertProblemDetailsAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, asAlice.StatusCode);
    }

    [Fact]
    public async Task Charging_another_customers_order_again_is_409_without_revealing_the_payer()
    {
        var orderId = Guid.NewGuid();
        await ChargeAsync(PaymentCallers.Alice, orderId, 18.75m);

        var response = await ChargeAsync(PaymentCallers.Bob, orderId, 18.75m);

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.Conflict);
        Assert.DoesNotContain("alice", problem.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("18.75", problem.Detail);
        Assert.Equal(PaymentCallers.Alice.Subject, (await StoredAsync(orderId)).PayerSub);
    }

    [Fact]
    public async Task Unknown_order_is_404()
    {
        var response = await payments.As(PaymentCallers.Alice).GetAsync($"/api/payments/{Guid.NewGuid()}", Cancellation);

        await response.AssertProblemDetailsAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Concurrent_charges_for_one_order_create_one_payment()
    {
        var orderId = Guid.NewGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ChargeAsync(PaymentCallers.Alice, orderId, 42.00m)));

        Assert.All(responses, response => Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString()));
        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.Created);
        var ids = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<PaymentResponse>(Cancellation)));
        Assert.Single(ids.Select(payment => payment?.PaymentId).Distinct());
        Assert.Equal(1, await CountAsync(orderId));
    }

    private Task<HttpResponseMessage> ChargeAsync(TestToken token, Guid orderId, decimal amount) =>
        payments.As(token).PostAsJsonAsync("/api/payments", new { orderId, amount }, Cancellation);

    private Task<Payment> StoredAsync(Guid orderId) =>
        payments.QueryAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.OrderId == orderId, Cancellation));

    private Task<int> CountAsync(Guid orderId) =>
        payments.QueryAsync(db => db.Payments.CountAsync(p => p.OrderId == orderId, Cancellation));

    private static string? PaymentId(Microsoft.AspNetCore.Http.HttpValidationProblemDetails problem) =>
        ((JsonElement)problem.Extensions["paymentId"]!).GetString();
}
