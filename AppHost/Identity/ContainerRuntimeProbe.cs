using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;

namespace ShopAuthDemo.AppHost.Identity;

/// <summary>Asks the container runtime Aspire would use whether its engine answers.</summary>
/// <remarks>An installed CLI is not enough: the docker CLI without a running daemon cannot start Keycloak.</remarks>
public static class ContainerRuntimeProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    // Asked once per run: the identity provider and the storage choice both want the answer.
    private static readonly ConcurrentDictionary<string, ContainerRuntimeAnswer> Answers = new();

    /// <param name="runtime">"docker" or "podman", as Aspire's ASPIRE_CONTAINER_RUNTIME setting names it.</param>
    public static ContainerRuntimeAnswer Ask(string? runtime) =>
        Answers.GetOrAdd(string.IsNullOrWhiteSpace(runtime) ? "docker" : runtime.Trim().ToLowerInvariant(), AskEngine);

    private static ContainerRuntimeAnswer AskEngine(string name)
    {
        var versionFormat = name == "podman" ? "{{.Version.Version}}" : "{{.ServerVersion}}";

        var start = new ProcessStartInfo(name)
        {
            ArgumentList = { "info", "--format", versionFormat },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();

            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return ContainerRuntimeAnswer.None(name, $"'{name} info' did not answer within {Timeout.TotalSeconds:0} s");
            }

            return process.ExitCode == 0
                ? ContainerRuntimeAnswer.Running(name, output.Result.Trim())
                : ContainerRuntimeAnswer.None(name, $"'{name} info' failed: {FirstLine(error.Result)}");
        }
        catch (Win32Exception)
        {
            return ContainerRuntimeAnswer.None(name, $"'{name}' is not installed");
        }
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault() ?? "no error output";
}

public sealed record ContainerRuntimeAnswer(string Runtime, bool Answers, string Detail)
{
    public static ContainerRuntimeAnswer Running(string runtime, string version) =>
        new(runtime, true, $"{runtime} {version} answers");

    public static ContainerRuntimeAnswer None(string runtime, string reason) => new(runtime, false, reason);
}
