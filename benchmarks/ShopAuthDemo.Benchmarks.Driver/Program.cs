using System.Globalization;
using System.Runtime.InteropServices;
using ShopAuthDemo.Benchmarks.Driver;
using ShopAuthDemo.Benchmarks.Driver.Report;
using ShopAuthDemo.Benchmarks.Driver.Settings;

// benchmarks/run.sh builds Release and runs this after the micro-benchmarks; docs/PERFORMANCE.md reads the table.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

using var stop = new CancellationTokenSource();
// Ctrl+C or SIGTERM stops the load, then every process the benchmark started, before exiting.
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

try
{
    var settings = BenchmarkSettings.FromEnvironment();
    var startedAt = DateTimeOffset.UtcNow;
    var loadAtStart = MachineDescription.LoadAverage();

    var rows = await BenchmarkRun.RunAsync(settings, stop.Token);

    var table = ResultTable.Render(rows, settings, startedAt, loadAtStart);
    var saved = Path.Combine(settings.ArtifactsDirectory, "http-benchmark.md");
    await File.WriteAllTextAsync(saved, table);
    Console.WriteLine();
    Console.WriteLine(table);
    Console.WriteLine($"Saved to {saved}");
    if (rows.Any(row => row.Load?.HasErrors == true))
    {
        Console.Error.WriteLine("Some load points had error responses or socket errors: their figures are not valid (see the service logs).");
        return 1;
    }
    return 0;
}
catch (BenchmarkException exception)
{
    Console.Error.WriteLine($"Benchmark failed: {exception.Message}");
    return 1;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("Stopped; every process the benchmark started has been stopped.");
    return 130;
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
