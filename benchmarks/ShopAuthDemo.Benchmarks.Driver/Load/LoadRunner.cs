using System.Net.Http.Headers;
using System.Text;
using ShopAuthDemo.Benchmarks.Driver.Settings;

namespace ShopAuthDemo.Benchmarks.Driver.Load;

/// <summary>Each load point: one probe request, a warm-up (JIT, signing keys, connection pools), then the measured run.</summary>
public sealed class LoadRunner(Wrk wrk, TimeSpan warmUp, TimeSpan duration) : IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <param name="afterWarmUp">Runs between the warm-up and the measured run (e.g. to read a counter).</param>
    public async Task<MeasuredLoad> MeasureAsync(LoadPoint point, CancellationToken cancellationToken, Func<Task>? afterWarmUp = null)
    {
        Console.WriteLine($"-- {point.Name}: {point.Method} {point.Url} ({point.Connections} connections)");
        await ProbeAsync(point, cancellationToken);
        var warm = await wrk.RunAsync(point, warmUp, saveAs: null, cancellationToken);
        if (afterWarmUp is not null) await afterWarmUp();
        var measured = await wrk.RunAsync(point, duration, saveAs: point.Name, cancellationToken);
        Console.WriteLine($"   {measured.RequestsPerSecond:N0} requests/s, p50 {measured.P50.TotalMilliseconds:0.00} ms, " +
            $"p99 {measured.P99.TotalMilliseconds:0.00} ms, {measured.StatusErrors} status errors, {measured.SocketErrors} socket errors");
        return new MeasuredLoad(point, warm, measured);
    }

    /// <summary>
    /// Unmeasured load for services that have just started, as long as two load points (30 s at the defaults): a
    /// fresh set of the order path places its first orders at a third to half of its later rate for about that
    /// long (JIT tiering, connection pools, new databases), longer than one point's warm-up covers.
    /// </summary>
    public async Task<LoadResult> WarmUpFreshServicesAsync(LoadPoint point, CancellationToken cancellationToken)
    {
        var length = 2 * (warmUp + duration);
        Console.WriteLine($"-- {point.Name}: {point.Method} {point.Url} ({point.Connections} connections, {length.TotalSeconds:0} s, not measured)");
        await ProbeAsync(point, cancellationToken);
        return await wrk.RunAsync(point, length, saveAs: null, cancellationToken);
    }

    // A wrong token or a missing route would otherwise be measured as a very fast stream of 401s or 404s.
    private async Task ProbeAsync(LoadPoint point, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(point.Method), point.Url);
        if (point.BearerToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", point.BearerToken);
        if (point.JsonBody is not null) request.Content = new StringContent(point.JsonBody, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new BenchmarkException($"{point.Method} {point.Url} answered {(int)response.StatusCode} before the load started: " +
                await response.Content.ReadAsStringAsync(cancellationToken));
    }

    public void Dispose() => http.Dispose();
}
