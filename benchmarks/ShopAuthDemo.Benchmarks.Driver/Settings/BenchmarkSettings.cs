using System.Reflection;
using System.Text.RegularExpressions;

namespace ShopAuthDemo.Benchmarks.Driver.Settings;

// Environment: DURATION=10s (measured time per load point), WARMUP=5s, BENCH_BASE_PORT=5910,
// SKIP_COLD_START=1, ROWS=gateway,sessions (only these groups; see Groups), ARTIFACTS=<folder> (default benchmarks/artifacts); the servers of the scale-out rows, as the tests
// read them: SHOPAUTHDEMO_POSTGRES (an Npgsql string without Database=), SHOPAUTHDEMO_REDIS (a StackExchange.Redis
// configuration). benchmarks/run.sh starts throwaway ones when they are not set; without them those rows say why they are missing.
public sealed partial record BenchmarkSettings(
    string RepositoryRoot,
    string ArtifactsDirectory,
    string BuildConfiguration,
    TimeSpan Duration,
    TimeSpan WarmUp,
    BenchmarkPorts Ports,
    bool SkipColdStart,
    string? PostgreSqlServer,
    string? RedisServer,
    IReadOnlySet<string> Rows)
{
    /// <summary>The groups of rows, in the order they run; ROWS names some of them to run only those.</summary>
    public static readonly IReadOnlyList<string> Groups =
        ["authentication", "gateway", "orders", "access-rules", "mutual-tls", "databases", "sessions"];

    public const string PostgreSqlVariable = "SHOPAUTHDEMO_POSTGRES";
    public const string RedisVariable = "SHOPAUTHDEMO_REDIS";

    public static BenchmarkSettings FromEnvironment()
    {
        var root = FindRepositoryRoot();
        var configuration = typeof(BenchmarkSettings).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration;
        if (configuration != "Release")
            throw new BenchmarkException(
                $"This is a {configuration} build; build and run it in Release (benchmarks/run.sh does): Debug figures say nothing about performance.");

        return new(
            root,
            Environment.GetEnvironmentVariable("ARTIFACTS") is { Length: > 0 } artifacts
                ? Path.GetFullPath(artifacts)
                : Path.Combine(root, "benchmarks", "artifacts"),
            configuration,
            Seconds("DURATION", "10s"),
            Seconds("WARMUP", "5s"),
            BenchmarkPorts.From(int.TryParse(Environment.GetEnvironmentVariable("BENCH_BASE_PORT"), out var port) ? port : BenchmarkPorts.DefaultBase),
            Environment.GetEnvironmentVariable("SKIP_COLD_START") == "1",
            Environment.GetEnvironmentVariable(PostgreSqlVariable) is { Length: > 0 } postgreSql ? postgreSql : null,
            Environment.GetEnvironmentVariable(RedisVariable) is { Length: > 0 } redis ? redis : null,
            RowGroups(Environment.GetEnvironmentVariable("ROWS")));
    }

    public bool Runs(string group) => Rows.Contains(group);

    private static IReadOnlySet<string> RowGroups(string? names)
    {
        if (string.IsNullOrWhiteSpace(names)) return Groups.ToHashSet();
        var chosen = names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        return chosen.Except(Groups).ToList() is [_, ..] unknown
            ? throw new BenchmarkException($"ROWS: unknown group(s) {string.Join(", ", unknown)}; the groups are {string.Join(", ", Groups)}.")
            : chosen;
    }

    /// <summary>A service's Release build, e.g. services/Catalog.Api/bin/Release/net10.0/Catalog.Api.dll.</summary>
    public string BuildOutput(string projectFolder)
    {
        var name = Path.GetFileName(projectFolder);
        var path = Path.Combine(RepositoryRoot, projectFolder, "bin", BuildConfiguration,
            $"net{Environment.Version.Major}.{Environment.Version.Minor}", name + ".dll");
        return File.Exists(path)
            ? path
            : throw new BenchmarkException($"{path} does not exist: build first (benchmarks/run.sh builds everything it needs).");
    }

    // Same spelling as wrk's -d: "10s", "2m", or plain seconds.
    private static TimeSpan Seconds(string variable, string fallback)
    {
        var text = Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : fallback;
        var match = DurationPattern().Match(text);
        if (!match.Success || int.Parse(match.Groups["n"].Value) == 0)
            throw new BenchmarkException($"{variable} must look like 10s or 2m, not '{text}'.");
        var amount = int.Parse(match.Groups["n"].Value);
        return match.Groups["unit"].Value == "m" ? TimeSpan.FromMinutes(amount) : TimeSpan.FromSeconds(amount);
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "ShopAuthDemo.sln"))) return folder.FullName;
        throw new BenchmarkException("Run the driver from its build output inside the repository (ShopAuthDemo.sln not found above it).");
    }

    [GeneratedRegex(@"^(?<n>\d+)(?<unit>[sm]?)$")]
    private static partial Regex DurationPattern();
}
