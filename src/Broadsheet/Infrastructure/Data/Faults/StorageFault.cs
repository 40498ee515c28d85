using Microsoft.Data.Sqlite;
using Npgsql;

namespace Broadsheet.Infrastructure.Data.Faults;

/// <summary>
/// A failure of the storage rather than of the request: the disk is full, the file cannot be
/// written, the database is busy past its timeout, read-only or out of reach. Such a write is
/// worth trying again in a minute, so it is answered 503 with Retry-After, not 500.
/// </summary>
public sealed record StorageFault(string Reason)
{
    // SQLite primary result codes (https://sqlite.org/rescode.html). CORRUPT and the rest stay 500s:
    // waiting does not mend them. CANTOPEN is left out too: EF Core meets it on every start, asking
    // whether a database file exists yet.
    private const int Busy = 5, Locked = 6, ReadOnly = 8, IoError = 10, Full = 13;

    /// <summary>The storage fault behind <paramref name="exception"/> (looked for through its inner exceptions), or null.</summary>
    public static StorageFault? Of(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when (sqlite.SqliteErrorCode & 0xFF) is Busy or Locked or ReadOnly or IoError or Full:
                    return new StorageFault($"SQLite error {sqlite.SqliteErrorCode} ({FirstLine(sqlite.Message)})");
                case PostgresException postgres when IsPostgresStorageState(postgres.SqlState):
                    return new StorageFault($"PostgreSQL {postgres.SqlState} ({postgres.MessageText})");
                case PostgresException:
                    return null;
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return new StorageFault($"PostgreSQL unreachable ({FirstLine(npgsql.Message)})");
            }
        }
        return null;
    }

    public static bool Is(Exception? exception) => Of(exception) is not null;

    // 53: insufficient resources (53100 disk_full, 53200 out_of_memory, 53300 too_many_connections);
    // 57P01-57P03: the server is shutting down, crashed or still starting; 08: the connection broke;
    // 58: the server's own I/O failed; 25006: a read-only (standby) server took the write.
    private static bool IsPostgresStorageState(string state) =>
        state.StartsWith("53", StringComparison.Ordinal) || state.StartsWith("08", StringComparison.Ordinal)
        || state.StartsWith("58", StringComparison.Ordinal) || state is "57P01" or "57P02" or "57P03" or "25006";

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
