using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.Payments.Api.Authorization;
using ShopAuthDemo.Payments.Api.Infrastructure;
using ShopAuthDemo.Payments.Api.Model;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.Payments.Api.Apis;

public static class PaymentsApi
{
    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        var payments = app.MapGroup("/api/payments").WithTags("Payments")
            .RequireAuthorization(PaymentsPolicies.ChargeOnBehalfOfCustomer);

        payments.MapPost("/", Charge)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        payments.MapGet("/{orderId:guid}", GetPayment)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    // Idempotent per order: orders-api may retry after a timeout without charging the customer twice.
    public static async Task<Results<Created<PaymentResponse>, Ok<PaymentResponse>, ValidationProblem, ProblemHttpResult>> Charge(
        ChargeRequest request, ClaimsPrincipal user, PaymentsContext payments,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var payer = Payer.From(user);
        var logger = loggers.CreateLogger(typeof(PaymentsApi));

        var existing = await payments.Payments.SingleOrDefaultAsync(p => p.OrderId == request.OrderId, cancellationToken);
        if (existing is not null)
        {
            return Repeat(existing, request, payer, logger);
        }

        var payment = new Payment
        {
            PaymentId = Guid.NewGuid(),
            OrderId = request.OrderId,
            Amount = request.Amount,
            PayerSub = payer.Subject,
            PayerUsername = payer.Username,
            ChargedVia = payer.Client,
            ChargedAt = DateTimeOffset.UtcNow,
            Status = DemoCardProcessor.Charge(request.Amount),
        };
        payments.Payments.Add(payment);
        try
        {
            await payments.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueConstraintViolation())
        {
            // A concurrent charge for the same order was stored first: answer as for a retry.
            payments.ChangeTracker.Clear();
            var winner = await payments.Payments.SingleAsync(p => p.OrderId == request.OrderId, cancellationToken);
            return Repeat(winner, request, payer, logger);
        }

        // Who paid, via which service, for what; never the token.
        logger.LogInformation(
            "Payment {PaymentId} for order {OrderId} {Status}: {Amount} paid by {Subject} ({Username}) via {Client}",
            payment.PaymentId, payment.OrderId, payment.Status, payment.Amount, payer.Subject, payer.Username, payer.Client);

        return payment.Status == PaymentStatus.Captured
            ? TypedResults.Created($"/api/payments/{payment.OrderId}", PaymentResponse.From(payment))
            : PaymentProblems.Declined(payment);
    }

    public static async Task<Results<Ok<PaymentResponse>, ProblemHttpResult>> GetPayment(
        Guid orderId, ClaimsPrincipal user, PaymentsContext payments, CancellationToken cancellationToken)
    {
        var subject = user.GetSubject();
        // Filtering by the caller's sub makes another customer's payment look exactly like none:
        // guessing or enumerating order ids reveals nothing (no IDOR).
        var payment = await payments.Payments.AsNoTracking()
            .SingleOrDefaultAsync(p => p.OrderId == orderId && p.PayerSub == subject, cancellationToken);

        return payment is null ? PaymentProblems.NotFound(orderId) : TypedResults.Ok(PaymentResponse.From(payment));
    }

    // A second charge for an order that already has a payment never charges again.
    private static Results<Created<PaymentResponse>, Ok<PaymentResponse>, ValidationProblem, ProblemHttpResult> Repeat(
        Payment existing, ChargeRequest request, Payer payer, ILogger logger)
    {
        logger.LogInformation(
            "Repeated charge for order {OrderId} by {Subject} via {Client}; existing payment {PaymentId} is {Status}",
            request.OrderId, payer.Subject, payer.Client, existing.PaymentId, existing.Status);

        if (existing.PayerSub != payer.Subject)
        {
            return PaymentProblems.PaidByAnotherCustomer(existing.OrderId);
        }

        if (existing.Amount != request.Amount)
        {
            return PaymentProblems.DifferentAmount(existing, request.Amount);
        }

        return existing.Status == PaymentStatus.Captured
            ? TypedResults.Ok(PaymentResponse.From(existing))
            : PaymentProblems.Declined(existing);
    }
}
