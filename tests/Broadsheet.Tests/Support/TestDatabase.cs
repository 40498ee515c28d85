using Npgsql;

namespace Broadsheet.Tests.Support;

/// <summary>
/// Where one test publication lives: its data folder, and its database, which is a SQLite file
/// in that folder or, when BROADSHEET_TEST_DATABASE=postgres, a database of its own on the
/// PostgreSQL server test.sh started (BROADSHEET_TEST_POSTGRES names it).
/// </summary>
public sealed class TestDatabase
{
    public static bool OnPostgres => Environment.GetEnvironmentVariable("BROADSHEET_TEST_DATABASE") == "postgres";

    private static string PostgresServer =>
        Environment.GetEnvironmentVariable("BROADSHEET_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres";

    public required string DataDirectory { get; init; }
    public string? PostgresConnection { get; init; }

    /// <summary>Set when a restarted app took over this storage; only the last one cleans up.</summary>
    public bool KeptByAnotherApp { get; set; }

    public static TestDatabase Create()
    {
        var id = Guid.NewGuid().ToString("N");
        var dir = Path.Combine(Path.GetTempPath(), "broadsheet-tests", id);
        return new TestDatabase
        {
            DataDirectory = dir,
            PostgresConnection = OnPostgres ? new NpgsqlConnectionStringBuilder(PostgresServer) { Database = $"bs_{id}" }.ToString() : null,
        };
    }

    public IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        yield return new("Broadsheet:DataDirectory", DataDirectory);
        if (PostgresConnection is null) yield break;
        yield return new("Broadsheet:Database", "postgres");
        yield return new("ConnectionStrings:Broadsheet", PostgresConnection);
    }

    public void Release()
    {
        if (KeptByAnotherApp) { KeptByAnotherApp = false; return; }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        if (PostgresConnection is null) return;
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(PostgresConnection).Database;
        using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres" }.ToString());
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }
}
