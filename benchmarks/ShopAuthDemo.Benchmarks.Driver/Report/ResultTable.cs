using System.Globalization;
using System.Text;
using ShopAuthDemo.Benchmarks.Driver.Settings;

namespace ShopAuthDemo.Benchmarks.Driver.Report;

/// <summary>The one markdown table the benchmark prints, with the conditions it was measured under.</summary>
public static class ResultTable
{
    public static string Render(IReadOnlyList<ResultRow> rows, BenchmarkSettings settings, DateTimeOffset startedAt, string loadAtStart)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"HTTP benchmark, {startedAt:yyyy-MM-dd HH:mm} UTC: `benchmarks/run.sh`, " +
            $"wrk -t1, {settings.WarmUp.TotalSeconds:0} s warm-up + {settings.Duration.TotalSeconds:0} s per point, loopback, Release, Development environment.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {MachineDescription.Describe()}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Load average (1/5/15 min) at start: {loadAtStart}; at end: {MachineDescription.LoadAverage()}.");
        text.AppendLine();
        text.AppendLine("| Measurement | Requests/s | p50 | p95 | p99 | Result |");
        text.AppendLine("|---|---:|---:|---:|---:|---|");
        foreach (var row in rows) text.AppendLine(Line(row));
        return text.ToString();
    }

    private static string Line(ResultRow row)
    {
        if (row.Load is not { } load) return $"| {row.Measurement} | | | | | {row.Result} |";
        var errors = load.HasErrors ? $" — **{load.StatusErrors} error responses, {load.SocketErrors} socket errors**" : "";
        return $"| {row.Measurement} | {load.RequestsPerSecond:N0} | {Milliseconds(load.P50)} | {Milliseconds(load.P95)} | " +
            $"{Milliseconds(load.P99)} | {row.Result}{errors} |";
    }

    // Microseconds below 0.1 ms: an in-process lookup (the session row) would otherwise read 0.00 ms.
    private static string Milliseconds(TimeSpan latency) => latency.TotalMilliseconds < 0.1
        ? latency.TotalMicroseconds.ToString("0.0", CultureInfo.InvariantCulture) + " µs"
        : latency.TotalMilliseconds.ToString(latency.TotalMilliseconds < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";
}
