using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
#pragma warning disable EF1001 // EF's SQLite connection service is the one place a context's connection is closed; see below.
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;

namespace Broadsheet.Infrastructure.Data;

/// <summary>
/// A pooled context's SQLite connection, left open from its first query until the context itself is disposed, so the
/// statements <see cref="SqliteStatementShelf"/> keeps on it live as long. EF closes its connection after every query
/// and again when a context goes back to the pool, and Microsoft.Data.Sqlite finalizes every statement of a connection
/// it closes; each reopening also registered EF's SQL functions and set foreign_keys again. An open SQLite connection
/// between queries holds no lock and no read snapshot (readers are reset when disposed), and SQLite's own pool kept
/// these handles open before anyway; what stays is each connection's page cache, as before.
/// A transaction still ends with its context (EF rolls back an open one when the context goes back to the pool), and
/// disposing the context (the pool full, the app stopping) closes the connection for real.
/// EF's type is internal API: its constructor may change with an EF release, which the build then says at once.
/// </summary>
public sealed class SqliteConnectionKeptOpen(RelationalConnectionDependencies dependencies, IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    /// <summary>Puts this in place of EF's own SQLite connection service for the contexts <paramref name="options"/> makes.</summary>
    public static DbContextOptionsBuilder For(DbContextOptionsBuilder options) =>
        options.ReplaceService<ISqliteRelationalConnection, SqliteConnectionKeptOpen>();

    protected override void CloseDbConnection() { }

    protected override Task CloseDbConnectionAsync() => Task.CompletedTask;
}
