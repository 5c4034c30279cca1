using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShopAuthDemo.Payments.Api.Apis;
using ShopAuthDemo.Payments.Api.Infrastructure;
using ShopAuthDemo.Payments.Api.Model;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Payments;

// Tests that need a host of their own: a restart, a rigged database, captured logs.
public sealed class PaymentsPersistenceTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Payment_survives_restart_and_stays_idempotent()
    {
        await using var payments = new PaymentsApiHost();
        var orderId = Guid.NewGuid();
        var created = await payments.As(PaymentCallers.Alice).PostAsJsonAsync("/api/payments", new { orderId, amount = 59.50m }, Cancellation);
        var paymentId = (await created.Content.ReadFromJsonAsync<PaymentResponse>(Cancellation))?.PaymentId;

        await payments.RestartAsync();

        var read = await payments.As(PaymentCallers.Alice).GetFromJsonAsync<PaymentResponse>($"/api/payments/{orderId}", Cancellation);
        var repeated = await payments.As(PaymentCallers.Alice).PostAsJsonAsync("/api/payments", new { orderId, amount = 59.50m }, Cancellation);
        Assert.Equal(paymentId, read?.PaymentId);
        Assert.Equal(59.50m, read?.Amount);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal(paymentId, (await repeated.Content.ReadFromJsonAsync<PaymentResponse>(Cancellation))?.PaymentId);
    }

    [Fact]
    public async Task Charge_that_loses_the_insert_race_returns_the_winning_payment()
    {
        var orderId = Guid.NewGuid();
        var rival = new CompetingChargeInterceptor(new Payment
        {
            PaymentId = Guid.NewGuid(),
            OrderId = orderId,
            Amount = 24.90m,
            PayerSub = PaymentCallers.Alice.Subject,
            PayerUsername = "alice",
            ChargedVia = "orders-api",
            ChargedAt = DateTimeOffset.UtcNow,
            Status = PaymentStatus.Captured,
        });
        await using var payments = PaymentsApiHost.WithServices(services =>
            services.ConfigureDbContext<SqlitePaymentsContext>(options => options.AddInterceptors(rival)));

        var response = await payments.As(PaymentCallers.Alice).PostAsJsonAsync("/api/payments", new { orderId, amount = 24.90m }, Cancellation);

        Assert.True(rival.Fired);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(rival.Payment.PaymentId, (await response.Content.ReadFromJsonAsync<PaymentResponse>(Cancellation))?.PaymentId);
        Assert.Equal(1, await payments.QueryAsync(db => db.Payments.CountAsync(p => p.OrderId == orderId, Cancellation)));
    }

    [Fact]
    public async Task Charge_is_logged_with_payer_service_and_order_but_never_the_token()
    {
        var logs = new CapturedLogs();
        await using var payments = PaymentsApiHost.WithServices(services => services.AddSingleton<ILoggerProvider>(logs));
        var token = payments.Tokens.CreateToken(PaymentCallers.Alice);
        var orderId = Guid.NewGuid();

        await payments.Anonymous().WithBearer(token).PostAsJsonAsync("/api/payments", new { orderId, amount = 5.00m }, Cancellation);
        await payments.Anonymous().WithBearer(token).PostAsJsonAsync("/api/payments", new { orderId, amount = 5.00m }, Cancellation);

        Assert.Contains(logs.Messages, message =>
            message.Contains(orderId.ToString()) && message.Contains(PaymentCallers.Alice.Subject) && message.Contains("orders-api"));
        Assert.DoesNotContain(logs.Messages, message => message.Contains(token.Split('.')[2]) || message.Contains(token.Split('.')[1]));
    }

    [Theory]
    [InlineData("Identity:Authority")]
    [InlineData("Identity:Audience")]
    public void Missing_identity_configuration_fails_fast(string key)
    {
        using var tokens = new TestTokenIssuer();
        using var database = new TemporaryDatabase();
        using var factory = new PaymentsApiFactory(tokens, database);
        factory.Settings.Remove(key);

        var error = Assert.ThrowsAny<InvalidOperationException>(() => factory.CreateClient());

        Assert.Equal($"Configuration missing value for: {key}", error.Message);
    }

    // Stores a rival payment for the same order just before the service's own insert, as a
    // concurrent request on another instance would.
    private sealed class CompetingChargeInterceptor(Payment payment) : SaveChangesInterceptor
    {
        private int fired;

        public Payment Payment => payment;

        public bool Fired => fired == 1;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref fired, 1) == 0)
            {
                var options = new DbContextOptionsBuilder<SqlitePaymentsContext>()
                    .UseSqlite(eventData.Context!.Database.GetConnectionString()).Options;
                await using var rival = new SqlitePaymentsContext(options);
                rival.Payments.Add(payment);
                await rival.SaveChangesAsync(cancellationToken);
            }

            return result;
        }
    }
}
