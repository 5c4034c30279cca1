namespace ShopAuthDemo.Benchmarks.Driver.Settings;

/// <summary>A reason the benchmark cannot go on that the person running it can fix; printed without a stack trace.</summary>
public sealed class BenchmarkException(string message) : Exception(message);
