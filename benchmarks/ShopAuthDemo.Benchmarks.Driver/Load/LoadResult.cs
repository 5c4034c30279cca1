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
public sealed record MeasuredLoad(LoadPoint Point, LoadResult WarmUp, LoadResult Measured);
