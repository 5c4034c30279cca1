using Microsoft.Data.Sqlite;

namespace ShopAuthDemo.Identity.Local.Seeding;

/// <summary>
/// The stand-in's working database (clients, authorizations, tokens): a SQLite file in the temp folder,
/// unique to this process and deleted when it stops, so nothing survives a restart.
/// </summary>
/// <remarks>
/// Not ":memory:": an in-memory database exists on one connection only, and one connection shared by
/// concurrent requests fails under load ("database is locked", found by the resilience suite's load
/// test). A file gives every request its own pooled connection; WAL lets readers run beside the one
/// writer, and a writer that finds the database busy waits (up to the command timeout) instead of failing.
/// (EF's InMemory provider cannot run the bulk updates OpenIddict uses to revoke a token family.)
/// </remarks>
public sealed class ScratchDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"identity-local-{Environment.ProcessId}-{Guid.NewGuid():N}.db");

    public ScratchDatabase()
    {
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 30,
        }.ToString();

        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var walMode = connection.CreateCommand();
        walMode.CommandText = "PRAGMA journal_mode=WAL;";
        walMode.ExecuteNonQuery();
    }

    public string ConnectionString { get; }

    public void Dispose()
    {
        // Pooled connections keep the file open; release them before deleting it.
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, $"{_path}-wal", $"{_path}-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A file still in use goes with the temp folder's next clean-up; nothing secret outlives the keys.
            }
        }
    }
}
