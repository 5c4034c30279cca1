namespace ShopAuthDemo.Testing;

/// <summary>The clone's root folder (where ShopAuthDemo.sln is), found from the test's own folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "ShopAuthDemo.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("ShopAuthDemo.sln not found above the test folder.");
    }
}
