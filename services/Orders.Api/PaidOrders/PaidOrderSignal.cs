namespace ShopAuthDemo.Orders.Api.PaidOrders;

/// <summary>
/// Wakes the shipping partners that wait for a paid order (long polling: GET /api/partner/orders/ready-to-ship
/// ?waitSeconds=N). Instead of asking every few seconds, a partner asks once and the answer comes when an order is
/// paid, or empty after N seconds. A held request costs a connection and one awaited task, no thread and no CPU.
/// This replica only; with Redis every replica hears of every payment (<see cref="RedisPaidOrderSignal"/>).
/// </summary>
public class PaidOrderSignal(IHostApplicationLifetime lifetime)
{
    /// <summary>The longest a request is held: below every timeout on the way (the gateway's, the partner's client's).</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    private TaskCompletionSource _nextPayment = NewPayment();

    /// <summary>
    /// Completes at the next payment after this call. Take it before looking for paid orders: a payment made
    /// between the look and the wait then still wakes the waiter.
    /// </summary>
    public Task NextPayment => Volatile.Read(ref _nextPayment).Task;

    /// <summary>Until <paramref name="nextPayment"/>, at most <paramref name="wait"/>; shutting down ends the wait too.</summary>
    public async Task WaitAsync(Task nextPayment, TimeSpan wait, CancellationToken requestAborted)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        try
        {
            await nextPayment.WaitAsync(wait, waiting.Token);
        }
        catch (TimeoutException)
        {
            // Nothing paid meanwhile: the partner gets an empty list and asks again.
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            // Stopping: answer now rather than hold up the shutdown.
        }
    }

    /// <summary>An order was paid (and saved): wake whoever waits for one.</summary>
    public virtual Task AnnounceAsync(CancellationToken cancellationToken)
    {
        Wake();
        return Task.CompletedTask;
    }

    protected void Wake() => Interlocked.Exchange(ref _nextPayment, NewPayment()).TrySetResult();

    // Continuations off the payer's thread: waking a hundred waiters does not delay the customer's answer.
    private static TaskCompletionSource NewPayment() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
