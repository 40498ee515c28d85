using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Broadsheet.Infrastructure.Data;

/// <summary>
/// Sets, and reads back, what makes a commit on SQLite durable, on every connection the app opens:
/// journal_mode=WAL (readers go on while one writer writes) and synchronous=FULL (each commit waits
/// until the WAL is on the disk). FULL rather than EXTRA: EXTRA adds only a sync of the directory
/// after a rollback journal is deleted, and in WAL mode there is no such journal. NORMAL, SQLite's
/// usual pairing with WAL, may lose the last commits on power loss, which is what we must not do
/// after answering "saved". A filesystem that will not do WAL (some network shares) stops the app.
/// Also busy_timeout: SQLite itself waits for the one writer, in steps of a few milliseconds, instead of answering
/// "busy" to Microsoft.Data.Sqlite, whose own retry sleeps 150 ms a time on a thread-pool thread. Under fifty comments
/// a second (a commit each, ≈ 4 ms of fsync on the bench machine) beside the view flush, writers meet often, and each
/// meeting cost a reader of the site 150 ms of a blocked thread.
/// </summary>
public sealed class SqliteDurability : IDbConnectionInterceptor
{
    // Pooled connections keep their native handle, and the pragmas stay set on it; each handle is
    // settled once, so a page that takes a connection from the pool pays only this lookup.
    private readonly ConditionalWeakTable<object, object> settled = [];

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Settle(connection);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Settle(connection);
        return Task.CompletedTask;
    }

    private void Settle(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || settled.TryGetValue(handle, out _)) return;
        Apply(sqlite);
        settled.AddOrUpdate(handle, handle);
    }

    /// <summary>Sets WAL and FULL on <paramref name="connection"/>, reads both back, and throws unless both took.</summary>
    public static (string JournalMode, string Synchronous) Apply(SqliteConnection connection)
    {
        using (var wait = connection.CreateCommand())
        {
            // The same 30 s as the connection's DefaultTimeout: past it, the driver gives up as it did before.
            wait.CommandText = "PRAGMA busy_timeout=30000";
            wait.ExecuteNonQuery();
        }
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA synchronous;";
        using var reader = command.ExecuteReader();
        var mode = reader.Read() ? reader.GetString(0) : "";
        var synchronous = reader.NextResult() && reader.Read() ? reader.GetInt64(0) : -1;
        if (!mode.Equals("wal", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"SQLite will not keep {connection.DataSource} in WAL mode (journal_mode is '{mode}'). Broadsheet needs WAL: "
                + "move the data folder (Broadsheet:DataDirectory) to a local filesystem that supports shared memory, not a network share.");
        if (synchronous != 2)
            throw new InvalidOperationException($"SQLite would not set synchronous=FULL on {connection.DataSource} (it is {synchronous}).");
        return ("wal", "FULL");
    }
}
