namespace ShopAuthDemo.Benchmarks.Driver.Load;

/// <summary>What one wrk run measured. Status errors are responses of 400 and above; socket errors are connect, read, write and timeouts.</summary>
public sealed record LoadResult(
    long Requests, TimeSpan Duration, TimeSpan P50, TimeSpan P95, TimeSpan P99, long StatusErrors, long SocketErrors)
{
    public double RequestsPerSecond => Requests / Duration.TotalSeconds;

    public long Succeeded => Requests - StatusErrors;

    public bool HasErrors => StatusErrors > 0 || SocketErrors > 0;
}

/// <summary>A load point's warm-up and its measured run; the warm-up is kept for counting calls, never for rates.</summary>
public sealed record MeasuredLoad(LoadPoint Point, LoadResult WarmUp, LoadResult Measured)
{
    // Two rounds as one load point: requests and time add up. Percentiles cannot be pooled from two summaries,
    // so it has the mean of the two rounds' percentiles (close to the pooled one when the rounds agree).
    public static MeasuredLoad Pooled(MeasuredLoad first, MeasuredLoad second) =>
        new(first.Point, Sum(first.WarmUp, second.WarmUp), Sum(first.Measured, second.Measured));

    private static LoadResult Sum(LoadResult a, LoadResult b) => new(
        a.Requests + b.Requests, a.Duration + b.Duration, (a.P50 + b.P50) / 2, (a.P95 + b.P95) / 2, (a.P99 + b.P99) / 2,
        a.StatusErrors + b.StatusErrors, a.SocketErrors + b.SocketErrors);
}
