using System.Diagnostics;
using System.Text.RegularExpressions;
using ShopAuthDemo.Testing;

namespace ShopAuthDemo.ScaleOut.Infrastructure;

/// <summary>
/// The PostgreSQL and Redis servers the suite runs against: the ones .ci/run started (SHOPAUTHDEMO_POSTGRES,
/// SHOPAUTHDEMO_REDIS), or, on a developer's machine with the packages installed, throwaway ones started here
/// with the same script and stopped at the end.
/// </summary>
public sealed partial class SharedServers : IAsyncDisposable
{
    private bool _startedHere;

    public string? Postgres { get; private set; }

    public string? Redis { get; private set; }

    /// <summary>Why there are no servers (the suite is then skipped with this reason).</summary>
    public string? Missing { get; private set; }

    public static async Task<SharedServers> FindOrStartAsync()
    {
        var servers = new SharedServers
        {
            Postgres = Environment.GetEnvironmentVariable("SHOPAUTHDEMO_POSTGRES"),
            Redis = Environment.GetEnvironmentVariable("SHOPAUTHDEMO_REDIS"),
        };
        if (servers.Postgres is not null && servers.Redis is not null) return servers;

        var (exitCode, output) = await RunScriptAsync("start");
        if (exitCode != 0)
        {
            servers.Missing = $"no PostgreSQL and Redis for the scale-out suite (.ci/shared-servers start: {output.Trim()}). " +
                              "Install them (sudo apt-get install -y postgresql redis-server) or run bash .ci/run.";
            return servers;
        }

        servers._startedHere = true;
        foreach (Match line in Exported().Matches(output))
        {
            if (line.Groups["name"].Value == "POSTGRES") servers.Postgres = line.Groups["value"].Value;
            if (line.Groups["name"].Value == "REDIS") servers.Redis = line.Groups["value"].Value;
        }
        return servers;
    }

    public async ValueTask DisposeAsync()
    {
        if (_startedHere) await RunScriptAsync("stop");
    }

    private static async Task<(int ExitCode, string Output)> RunScriptAsync(string command)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Path, ".ci", "shared-servers"), command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["SHARED_SERVERS_NO_INSTALL"] = "1" },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, process.ExitCode == 0 ? await output : await errors);
    }

    [GeneratedRegex(@"^export SHOPAUTHDEMO_(?<name>POSTGRES|REDIS)='(?<value>[^']*)'$", RegexOptions.Multiline)]
    private static partial Regex Exported();
}
