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
}
