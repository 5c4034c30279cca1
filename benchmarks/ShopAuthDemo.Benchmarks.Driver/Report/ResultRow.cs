using ShopAuthDemo.Benchmarks.Driver.Load;

namespace ShopAuthDemo.Benchmarks.Driver.Report;

/// <summary>One line of the table: what was measured, its load figures if it was a load point, and the result that matters.</summary>
public sealed record ResultRow(string Measurement, LoadResult? Load, string Result)
{
    public static ResultRow Baseline(string measurement, MeasuredLoad load) =>
        new(measurement, load.Measured, "baseline (100 %)");

    /// <summary>The compared row's throughput as a share of its baseline's, measured minutes apart in the same run.</summary>
    public static ResultRow ComparedTo(string measurement, MeasuredLoad load, MeasuredLoad baseline, string baselineName, string? goal = null) =>
        new(measurement, load.Measured,
            $"**{100 * load.Measured.RequestsPerSecond / baseline.Measured.RequestsPerSecond:0.0} %** of {baselineName}" +
            (goal is null ? "" : $" (goal {goal})"));

    /// <summary>
    /// The same, and its median latency as a share of the baseline's: a cost paid on every call (a handshake, a
    /// copy) shows in p50 even when the cores have spare time and throughput does not move.
    /// </summary>
    public static ResultRow ComparedWithLatencyTo(string measurement, MeasuredLoad load, MeasuredLoad baseline, string baselineName,
        string throughputGoal, string latencyGoal) =>
        new(measurement, load.Measured,
            $"throughput **{100 * load.Measured.RequestsPerSecond / baseline.Measured.RequestsPerSecond:0.0} %** of {baselineName} " +
            $"(goal {throughputGoal}), p50 **{100 * load.Measured.P50 / baseline.Measured.P50:0.0} %** of {baselineName} (goal {latencyGoal})");
}
