using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;

/// <summary>
/// Keeps this service's copy of the rules current: a first load before the service takes requests, then a
/// poll every <see cref="AccessRulesOptions.RefreshInterval"/>, so a change made on the Access rules page is
/// in force here within seconds, without a restart. When policy-api is down the last rules stay in force
/// (a warning once per outage, not once per poll); rules never loaded stay "not loaded", and the PEP refuses.
/// </summary>
public sealed class AccessRulesRefresher(IServiceScopeFactory scopes, AccessRuleStore store, AccessRulesOptions options,
    AccessRulesMetrics metrics, TimeProvider time, ILogger<AccessRulesRefresher> logger) : BackgroundService, IHostedLifecycleService
{
    private Task firstLoad = Task.CompletedTask;
    private bool failing;

    // StartingAsync runs before the web server listens: with policy-api up, no request meets "not loaded".
    // A slow policy-api delays the start by InitialLoadTimeout at most; the load still lands when it answers.
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        firstLoad = RefreshAsync(cancellationToken);
        try
        {
            await firstLoad.WaitAsync(options.InitialLoadTimeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            logger.NeverLoaded($"no answer within {options.InitialLoadTimeout.TotalSeconds:0.#} s");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.RefreshInterval, time);
        try
        {
            await firstLoad.WaitAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RefreshAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The service is stopping.
        }
    }

    /// <summary>One poll. A failure keeps the rules in force and is logged once per outage; only stopping throws.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var current = store.Current;
        try
        {
            var document = await FetchAsync(current?.Version, cancellationToken);
            if (document is not null)
            {
                var rules = AccessRuleSet.From(document);
                store.Replace(rules, time.GetUtcNow());
                logger.RulesLoaded(rules.Version, rules.Rules.Count(rule => rule.Enabled), rules.Rules.Count);
            }
            else if (current is not null)
            {
                store.Confirm(time.GetUtcNow());
                if (failing) logger.RefreshRecovered(current.Version);
            }

            metrics.Refreshed(document is null ? "unchanged" : "loaded");
            failing = false;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.Refreshed("failed");
            var reason = $"{exception.GetType().Name}: {exception.Message}";
            if (failing)
                logger.RefreshStillFailing(reason);
            else if (current is null)
                logger.NeverLoaded(reason);
            else
                logger.RefreshFailing(reason, current.Version);
            failing = true;
        }
    }

    private async Task<AccessRulesDocument?> FetchAsync(long? knownVersion, CancellationToken cancellationToken)
    {
        // A poll every two seconds would bury real requests in the dashboard's traces. Only the fetch is kept
        // out: OpenTelemetry drops log records inside the scope too, and the outcome must be logged.
        using var quiet = SuppressInstrumentationScope.Begin();
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAccessRulesSource>().FetchAsync(knownVersion, cancellationToken);
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
