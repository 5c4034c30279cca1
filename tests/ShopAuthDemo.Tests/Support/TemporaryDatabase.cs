using Microsoft.Data.Sqlite;

namespace ShopAuthDemo.Tests.Support;

// One SQLite file per test host, so tests never share data and a "restart" can reopen the same file.
public sealed class TemporaryDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"shopauthdemo-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={Path}";

    public void Dispose()
    {
        // Pooled connections keep the file open.
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, $"{Path}-wal", $"{Path}-shm" })
        {
            File.Delete(file);
        }
    }
}
