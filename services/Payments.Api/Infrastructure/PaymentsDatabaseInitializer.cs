namespace ShopAuthDemo.Payments.Api.Infrastructure;

// Creates the schema. StartingAsync runs before the web server listens, so no request sees no table.
public sealed class PaymentsDatabaseInitializer(IServiceScopeFactory scopes) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();

        // No migrations tooling in this demo; EnsureCreated is enough for one table.
        await scope.ServiceProvider.GetRequiredService<PaymentsContext>().Database.EnsureCreatedAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
