using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ShopAuthDemo.Benchmarks.Driver.Settings;

namespace ShopAuthDemo.Benchmarks.Driver.Load;

/// <summary>
/// wrk, one thread, closed loop: each connection sends its next request when the last one answered.
/// Request details and the summary line come from Load/request.lua.
/// </summary>
public sealed partial class Wrk(string outputDirectory)
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "Load", "request.lua");

    public static void EnsureInstalled()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(folder => File.Exists(Path.Combine(folder, "wrk")));
        if (!onPath)
            throw new BenchmarkException("wrk is not installed; on Debian or Ubuntu: sudo apt-get update && sudo apt-get install -y wrk");
    }

    /// <param name="saveAs">Keeps wrk's full output (with its latency distribution) as wrk-{saveAs}.txt.</param>
    public async Task<LoadResult> RunAsync(LoadPoint point, TimeSpan duration, string? saveAs, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("wrk")
        {
            ArgumentList =
            {
                "-t1", $"-c{point.Connections}", $"-d{duration.TotalSeconds:0}s", "--timeout", "5s", "--latency",
                "-s", Script, point.Url.ToString(),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // In the environment, not the arguments: see request.lua.
        start.Environment["BENCH_TOKEN"] = point.BearerToken ?? "";
        start.Environment["BENCH_BODY"] = point.JsonBody ?? "";

        using var wrk = Process.Start(start) ?? throw new BenchmarkException("wrk did not start.");
        try
        {
            var output = wrk.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = wrk.StandardError.ReadToEndAsync(cancellationToken);
            await wrk.WaitForExitAsync(cancellationToken).WaitAsync(duration + TimeSpan.FromSeconds(30), cancellationToken);
            if (saveAs is not null) await File.WriteAllTextAsync(Path.Combine(outputDirectory, $"wrk-{saveAs}.txt"), await output, cancellationToken);
            return Parse(await output) ?? throw new BenchmarkException(
                $"wrk exited with {wrk.ExitCode} and no summary for {point.Method} {point.Url}: {await errors}");
        }
        catch (TimeoutException)
        {
            throw new BenchmarkException($"wrk did not finish {point.Method} {point.Url} within {duration.TotalSeconds + 30:0} s.");
        }
        finally
        {
            if (!wrk.HasExited) wrk.Kill(entireProcessTree: true);
        }
    }

    private static LoadResult? Parse(string output)
    {
        var match = SummaryLine().Match(output);
        if (!match.Success) return null;
        long Value(string name) => long.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        return new LoadResult(
            Value("requests"),
            TimeSpan.FromMicroseconds(Value("duration")),
            TimeSpan.FromMicroseconds(Value("p50")),
            TimeSpan.FromMicroseconds(Value("p95")),
            TimeSpan.FromMicroseconds(Value("p99")),
            Value("status"),
            Value("socket"));
    }

    [GeneratedRegex(@"BENCH_RESULT requests=(?<requests>\d+) duration_us=(?<duration>\d+) p50_us=(?<p50>\d+) p95_us=(?<p95>\d+) p99_us=(?<p99>\d+) status_errors=(?<status>\d+) socket_errors=(?<socket>\d+)")]
    private static partial Regex SummaryLine();
}
