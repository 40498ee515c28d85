using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Broadsheet.Tests.Support;

/// <summary>
/// A database that fails on purpose: once told to, every write (INSERT, UPDATE, DELETE) from the Nth on
/// fails as the real engine fails when its disk is full (SQLite 13, PostgreSQL 53100), or with whatever
/// error the test names, until mended. Reads go on. Registered in the app like its own interceptors.
/// </summary>
public sealed class FailingWrites : DbCommandInterceptor
{
    private readonly Lock gate = new();
    private int letThrough = -1;
    private Func<Exception> failure = DiskFull;

    public int Failed { get; private set; }

    /// <summary>Lets <paramref name="after"/> more writes through, then fails every one.</summary>
    public void Fail(int after = 0, Func<Exception>? with = null)
    {
        lock (gate) { letThrough = after; failure = with ?? DiskFull; }
    }

    public void Mend()
    {
        lock (gate) letThrough = -1;
    }

    public static Exception DiskFull() => TestDatabase.OnPostgres
        ? new PostgresException("could not extend file \"base/16384/16390\": No space left on device", "ERROR", "ERROR", "53100")
        : new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);

    /// <summary>An error that is not the storage's: waiting would not mend it.</summary>
    public static Exception Corrupt() => TestDatabase.OnPostgres
        ? new PostgresException("invalid page in block 7 of relation base/16384/16390", "ERROR", "ERROR", "XX001")
        : new SqliteException("SQLite Error 11: 'database disk image is malformed'.", 11);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    private void Check(DbCommand command)
    {
        var sql = command.CommandText.TrimStart();
        if (!(sql.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase))) return;
        lock (gate)
        {
            if (letThrough < 0) return;
            if (letThrough > 0) { letThrough--; return; }
            Failed++;
            throw failure();
        }
    }
}
