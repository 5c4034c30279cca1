using ShopAuthDemo.Testing;

namespace ShopAuthDemo.Tests.Documentation;

/// <summary>
/// The README and docs/ are how a learner finds the code: every link they hold must open, and every file or folder
/// they name must exist, so that a moved file or a renamed heading fails here rather than for a reader.
/// </summary>
public sealed class DocumentationLinksTests
{
    private static readonly string Root = RepositoryRoot.Path;

    public static TheoryData<string> Documents() =>
        [.. new[] { "README.md" }.Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Select(file => Path.GetRelativePath(Root, file)).Order())];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_relative_link_opens_a_file_and_its_heading(string document)
    {
        var markdown = MarkdownDocument.Read(Path.Combine(Root, document));
        var broken = new List<string>();
        foreach (var link in markdown.RelativeLinks())
        {
            var (file, anchor) = link.Split('#', 2) is [var f, var a] ? (f, a) : (link, null);
            var target = file.Length == 0 ? markdown.Path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(markdown.Path)!, file));
            if (!File.Exists(target) && !Directory.Exists(target)) broken.Add($"{link}: no such file");
            else if (anchor is not null && !MarkdownDocument.Read(target).Anchors().Contains(anchor)) broken.Add($"{link}: no such heading");
        }

        Assert.True(broken.Count == 0, $"{document} has broken links:\n{string.Join('\n', broken)}");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_path_it_names_exists(string document)
    {
        var missing = MarkdownDocument.Read(Path.Combine(Root, document)).RepositoryPaths()
            .Where(path => !IsWrittenByARun(path))
            .Where(path => !File.Exists(Path.Combine(Root, path)) && !Directory.Exists(Path.Combine(Root, path)))
            .Distinct().ToList();

        Assert.True(missing.Count == 0, $"{document} names paths that do not exist:\n{string.Join('\n', missing)}");
    }

    [Fact]
    public void The_readme_layout_is_true_to_the_tree()
    {
        var layout = MarkdownDocument.Read(Path.Combine(Root, "README.md")).CodeBlockAfter("## Repository layout");
        Assert.NotEmpty(layout);
        var missing = new List<string>();
        var named = new HashSet<string>();
        var parent = "";
        foreach (var line in layout)
        {
            // The left column: one or more names separated by single spaces; the description follows two spaces.
            var indent = line.Length - line.TrimStart().Length;
            foreach (var name in line.Trim().Split("  ")[0].Split(' ').Where(name => name.EndsWith('/') || name.Contains('.')))
            {
                var path = indent == 0 ? name.TrimEnd('/') : $"{parent}/{name.TrimEnd('/')}";
                if (indent == 0 && name.EndsWith('/')) parent = path;
                named.Add(path);
                if (!File.Exists(Path.Combine(Root, path)) && !Directory.Exists(Path.Combine(Root, path))) missing.Add(path);
            }
        }

        // And nothing a learner would look for is left out: every top-level folder, and every folder of the
        // AppHost and ServiceDefaults (the two places whose folders are the concepts).
        var unnamed = Folders(".").Concat(Folders("AppHost")).Concat(Folders("ServiceDefaults")).Where(folder => !named.Contains(folder)).ToList();

        Assert.True(missing.Count == 0, $"The README's layout names what does not exist:\n{string.Join('\n', missing)}");
        Assert.True(unnamed.Count == 0, $"The README's layout leaves out:\n{string.Join('\n', unnamed)}");
    }

    // Where a build, a test run or the benchmark writes (ignored by git): a fresh clone has none of it yet.
    private static bool IsWrittenByARun(string path) =>
        path.StartsWith("benchmarks/artifacts", StringComparison.Ordinal) || path.Contains("/bin/", StringComparison.Ordinal);

    private static IEnumerable<string> Folders(string under) =>
        Directory.GetDirectories(Path.Combine(Root, under))
            .Select(folder => Path.GetRelativePath(Root, folder).Replace('\\', '/'))
            .Where(folder => Path.GetFileName(folder) is not ("bin" or "obj" or "TestResults" or "artifacts" or "Properties") && !Path.GetFileName(folder).StartsWith('.'));
}
