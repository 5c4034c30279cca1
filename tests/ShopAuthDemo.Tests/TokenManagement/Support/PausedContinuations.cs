namespace ShopAuthDemo.Tests.TokenManagement.Support;

// Pauses a caller at its next await: every continuation posted here is held until Release. A test can then
// run another caller to completion in between, an order the thread pool would produce only by chance.
public sealed class PausedContinuations : SynchronizationContext
{
    private readonly Lock _gate = new();
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _held = new();
    private bool _released;

    // Completes when the caller has reached the pause (its first continuation is held).
    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Starts the caller with this context current, so its awaits come back through here.
    public Task<T> Start<T>(Func<Task<T>> caller)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            return caller();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_gate)
        {
            if (!_released)
            {
                _held.Enqueue((d, state));
                Reached.TrySetResult();
                return;
            }
        }
        ThreadPool.QueueUserWorkItem(_ => d(state));
    }

    public void Release()
    {
        lock (_gate)
        {
            _released = true;
            while (_held.TryDequeue(out var held))
            {
                ThreadPool.QueueUserWorkItem(_ => held.Callback(held.State));
            }
        }
    }
}
