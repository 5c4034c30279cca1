using Microsoft.AspNetCore.Mvc;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.Orders.Api.Downstream;

/// <summary>
/// payments-api as orders-api sees it. Every call carries the customer's identity in a token exchanged
/// for payments-api (aud payments-api, azp orders-api), never the customer's original token.
/// </summary>
public sealed class PaymentsClient(HttpClient http, ILogger<PaymentsClient> logger)
{
    public async Task<ChargeOutcome> ChargeAsync(Guid orderId, decimal amount, CancellationToken cancellationToken)
    {
        try
        {
            // payments-api is idempotent per order id, so charging again after a failure cannot charge twice.
            using var response = await http.PostAsJsonAsync("/api/payments", new { orderId, amount }, cancellationToken);
            if (response.IsSuccessStatusCode)
                return new ChargeOutcome.Captured((await response.Content.ReadFromJsonAsync<PaymentReceipt>(cancellationToken))!);
            if (response.StatusCode == System.Net.HttpStatusCode.UnprocessableEntity)
            {
                var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(cancellationToken);
                return new ChargeOutcome.Declined(problem?.Detail ?? "The payment was declined.");
            }

            logger.LogWarning("payments-api answered {Status} for order {OrderId}", (int)response.StatusCode, orderId);
            return new ChargeOutcome.NotSettled($"The payment service answered {(int)response.StatusCode}.");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Unreachable service or no exchanged token: the order stays unpaid and can be paid later.
            logger.LogWarning("Charging order {OrderId} failed: {Reason}", orderId, exception.Message);
            return new ChargeOutcome.NotSettled("The payment service could not be reached.");
        }
    }

    public Task<WhoAmIResponse?> WhoAmIAsync(CancellationToken cancellationToken) =>
        http.GetFromJsonAsync<WhoAmIResponse>("/whoami", cancellationToken);
}
