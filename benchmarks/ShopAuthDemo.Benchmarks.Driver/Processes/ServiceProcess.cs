using System.Collections.Concurrent;
using System.Diagnostics;
using ShopAuthDemo.Benchmarks.Driver.Settings;

namespace ShopAuthDemo.Benchmarks.Driver.Processes;

/// <summary>
/// One service running from its build output (`dotnet Service.dll`) on a fixed loopback port, in the
/// Development environment: plain http, or with mutual TLS https plus a plain http port for its health check
/// (<see cref="ServicePorts"/>). Its console output goes to a log file and is kept for counting lines.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    // Settings of the shell that runs the benchmark must not leak into a service (an OTLP endpoint, a URL…).
    private static readonly string[] InheritedPrefixes =
    [
        "ASPNETCORE_", "DOTNET_ENVIRONMENT", "OTEL_", "Identity__", "Realm__", "Gateway__", "services__",
        "ConnectionStrings__", "Logging__", "MutualTls__",
    ];

    // Long enough for a cold JIT start on a busy 2-core machine.
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(90);

    private readonly Process process;
    private readonly StreamWriter log;
    private readonly ConcurrentQueue<string> lines = new();
    private bool closed;

    private ServiceProcess(string name, ServicePorts ports, Process process, StreamWriter log)
    {
        Name = name;
        BaseAddress = new Uri($"{(ports.MutualTls ? "https" : "http")}://127.0.0.1:{ports.Port}");
        HealthUrl = new Uri($"http://127.0.0.1:{ports.HealthPort ?? ports.Port}/health");
        this.process = process;
        this.log = log;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    // With mutual TLS the https port asks for a client certificate the driver does not have.
    public Uri HealthUrl { get; }

    public Uri Url(string path) => new(BaseAddress, path);

    public static ServiceProcess Start(string name, string assemblyPath, ServicePorts ports,
        IReadOnlyDictionary<string, string> environment, string logDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { assemblyPath },
            WorkingDirectory = Path.GetDirectoryName(assemblyPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var key in start.Environment.Keys.Where(key => InheritedPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal))).ToList())
            start.Environment.Remove(key);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = ports.HealthPort is { } health
            ? $"https://127.0.0.1:{ports.Port};http://127.0.0.1:{health}"
            : $"http://127.0.0.1:{ports.Port}";
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var log = new StreamWriter(Path.Combine(logDirectory, $"{name}.log"));
        var process = new Process { StartInfo = start };
        var service = new ServiceProcess(name, ports, process, log);
        process.OutputDataReceived += (_, line) => service.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => service.Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    public async Task WaitUntilHealthyAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartupTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new BenchmarkException($"{Name} exited with code {process.ExitCode} while starting. Its last lines:\n{Tail(15)}");
            try
            {
                using var response = await http.GetAsync(HealthUrl, cancellationToken);
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception exception) when (exception is HttpRequestException
                || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Not listening yet, or too busy starting to answer within the client's timeout.
            }
            await Task.Delay(250, cancellationToken);
        }
        throw new BenchmarkException($"{Name} was not healthy at {HealthUrl} within {StartupTimeout.TotalSeconds:0} s. Its last lines:\n{Tail(15)}");
    }

    /// <summary>
    /// The processor time (user and kernel) this service has used since it started. Per request it is what the service
    /// costs, whatever else shares the cores; requests/s on a shared machine also carries the neighbours.
    /// </summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>Lines of this service's output that contain the text.</summary>
    public int CountLines(string text) => lines.Count(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>
    /// The count once the output has been quiet for a second: a line arrives a little after the request
    /// that caused it, so counting right after the load would miss the last ones.
    /// </summary>
    public async Task<int> SettledCountAsync(string text, CancellationToken cancellationToken)
    {
        var seen = lines.Count;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            if (lines.Count == seen) break;
            seen = lines.Count;
        }
        while (DateTime.UtcNow < deadline);
        return CountLines(text);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            // Never started, or already gone.
        }
        process.Dispose();
        lock (log)
        {
            closed = true;
            log.Dispose();
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lines.Enqueue(line);
        lock (log)
        {
            if (!closed) log.WriteLine(line);
        }
    }

    private string Tail(int count) => string.Join('\n', lines.TakeLast(count).Select(line => "  " + line));
}
