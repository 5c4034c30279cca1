using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Payments.Api.Apis;
using ShopAuthDemo.Payments.Api.Infrastructure;
using ShopAuthDemo.Tests.Data.Support;
using ShopAuthDemo.Tests.Payments;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Data;

// Payments' idempotency rests on the unique index on OrderId; on PostgreSQL the losing insert fails with 23505.
public sealed class PostgreSqlPaymentsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Twenty_concurrent_charges_of_one_order_store_one_payment()
    {
        await using var database = await TemporaryPostgreSqlDatabase.CreateAsync();
        using var tokens = new TestTokenIssuer();
        using var unusedFile = new TemporaryDatabase();
        await using var payments = new PaymentsApiFactory(tokens, unusedFile);
        payments.Settings["ConnectionStrings:paymentsdb"] = database.ConnectionString;
        var token = tokens.CreateToken(PaymentCallers.Alice);
        var orderId = Guid.NewGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            using var client = payments.CreateClient().WithBearer(token);
            var response = await client.PostAsJsonAsync("/api/payments", new { orderId, amount = 24.90m }, Ct);
            return (response.StatusCode, Payment: await response.Content.ReadFromJsonAsync<PaymentResponse>(Ct));
        }, Ct)));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK }));
        Assert.Single(responses.Select(r => r.Payment?.PaymentId).Distinct());
        await using var scope = payments.Services.CreateAsyncScope();
        var stored = scope.ServiceProvider.GetRequiredService<PaymentsContext>();
        Assert.Equal(1, await stored.Payments.CountAsync(p => p.OrderId == orderId, Ct));
        Assert.Equal(24.90m, (await stored.Payments.SingleAsync(p => p.OrderId == orderId, Ct)).Amount);
    }
}
