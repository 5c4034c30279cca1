using System.Text.RegularExpressions;

namespace ShopAuthDemo.Tests.Documentation;

/// <summary>One of the repository's Markdown files, read the way a reader follows it: its links, the paths it names, its headings.</summary>
internal sealed partial class MarkdownDocument
{
    private MarkdownDocument(string path, string[] lines)
    {
        Path = path;
        Lines = lines;
    }

    public string Path { get; }

    public string[] Lines { get; }

    public static MarkdownDocument Read(string path) => new(path, File.ReadAllLines(path));

    /// <summary>Relative link targets, <c>[text](target)</c>, outside code blocks; web addresses are not followed.</summary>
    public IEnumerable<string> RelativeLinks() =>
        Prose().SelectMany(line => Link().Matches(line).Select(match => match.Groups["target"].Value))
            .Where(target => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal));

    /// <summary>
    /// Paths from the repository root written as code (<c>`services/Gateway/`</c>), outside code blocks. Patterns and
    /// placeholders (<c>*</c>, <c>&lt;app&gt;</c>, <c>{id}</c>) are not paths.
    /// </summary>
    public IEnumerable<string> RepositoryPaths() =>
        Prose().SelectMany(line => CodeSpan().Matches(line).Select(match => match.Groups["code"].Value))
            .Where(code => RootFolder().IsMatch(code) && code.IndexOfAny(['*', '<', '>', '{', '}', '…', ' ', '$']) < 0);

    /// <summary>The anchors GitHub gives this file's headings: lower case, punctuation dropped, spaces as hyphens.</summary>
    public IReadOnlySet<string> Anchors() =>
        Prose().Where(line => line.StartsWith('#'))
            .Select(line => AnchorCharacters().Replace(line.TrimStart('#').Trim().ToLowerInvariant(), "").Replace(' ', '-'))
            .ToHashSet();

    /// <summary>The lines of the fenced block that follows the heading <paramref name="heading"/>.</summary>
    public IReadOnlyList<string> CodeBlockAfter(string heading)
    {
        var start = Array.IndexOf(Lines, heading);
        if (start < 0) return [];
        var open = Array.FindIndex(Lines, start, line => line.StartsWith("```", StringComparison.Ordinal));
        var close = Array.FindIndex(Lines, open + 1, line => line.StartsWith("```", StringComparison.Ordinal));
        return Lines[(open + 1)..close];
    }

    private IEnumerable<string> Prose()
    {
        var inCode = false;
        foreach (var line in Lines)
        {
            if (line.StartsWith("```", StringComparison.Ordinal)) inCode = !inCode;
            else if (!inCode) yield return line;
        }
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"`(?<code>[^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^(AppHost|ServiceDefaults|services|web|tests|benchmarks|docs|\.ci)/")]
    private static partial Regex RootFolder();

    [GeneratedRegex(@"[^\p{L}\p{N}\s_-]")]
    private static partial Regex AnchorCharacters();
}
