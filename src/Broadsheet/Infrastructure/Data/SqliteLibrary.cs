namespace Broadsheet.Infrastructure.Data;

/// <summary>Settings of the SQLite library itself, for the whole process, made before its first connection.</summary>
public static class SqliteLibrary
{
    private const int ConfigMemStatus = 9; // SQLITE_CONFIG_MEMSTATUS

    /// <summary>
    /// Memory statistics off: SQLite counts every allocation and free under one process-wide mutex (3 % of the home
    /// page's CPU drawn with memos off, the threads of every request meeting on it). Nothing here reads those
    /// statistics, and no heap limit, which needs them, is set.
    /// </summary>
    public static void Configure()
    {
        SQLitePCL.Batteries_V2.Init();
        // Refused (SQLITE_MISUSE) once the library has started, as for a second app in one process (the tests): it
        // keeps what the first call set.
        _ = SQLitePCL.raw.sqlite3_config(ConfigMemStatus, 0);
    }
}
