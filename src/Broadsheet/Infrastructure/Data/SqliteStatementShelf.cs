using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Broadsheet.Infrastructure.Data;

/// <summary>
/// Keeps SQLite's prepared statements for the site's reads from one page to the next. Microsoft.Data.Sqlite finalizes
/// a command's statements when the command is disposed or its connection closed, and EF makes, runs and disposes a new
/// command for every query and closes its connection after each (dotnet/efcore#14044): so SQLite parsed and planned
/// every statement of every page again, 15–20 % of a page drawn from the database.
/// <para>
/// Here each pooled context's connection stays open (<see cref="SqliteConnectionKeptOpen"/>), and a SELECT runs through
/// a command kept on that connection for its SQL text, given EF's parameters: SQLite steps the statement it prepared
/// the first time. The reader EF gets is that command's, so EF reads and disposes it as its own; disposing resets the
/// statement, which then holds no read snapshot. Writes run as EF sends them (their texts vary with the rows saved, and
/// they carry whole article bodies). SQLite only: Npgsql prepares on its own terms.
/// </para>
/// </summary>
public sealed class SqliteStatementShelf : IDbCommandInterceptor
{
    /// <summary>
    /// Statements kept per connection. A page of the site runs up to fourteen; listing pages deep in an archive
    /// write their offsets into the text (<see cref="SqliteLimitsInlined"/>), so the shelf forgets the least recently
    /// used past this rather than grow with every page number read.
    /// </summary>
    public const int PerConnection = 96;

    private readonly ConditionalWeakTable<SqliteConnection, Shelf> shelves = [];

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        result.HasResult || Kept(command) is not { } kept ? result : Run(kept, command, result, static c => c.ExecuteReader());

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        result.HasResult || Kept(command) is not { } kept ? result : Run(kept, command, result, static c => c.ExecuteScalar()!);

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(ScalarExecuting(command, eventData, result));

    private SqliteCommand? Kept(DbCommand command)
    {
        if (command is not SqliteCommand { Connection: { State: ConnectionState.Open } connection } sent
            || !sent.CommandText.StartsWith("SELECT", StringComparison.Ordinal)) return null;
        return shelves.GetValue(connection, static c => new Shelf(c)).For(sent.CommandText);
    }

    private InterceptionResult<T> Run<T>(SqliteCommand kept, DbCommand sent, InterceptionResult<T> result, Func<SqliteCommand, T> execute)
    {
        kept.Parameters.Clear();
        foreach (SqliteParameter parameter in sent.Parameters) kept.Parameters.Add(parameter);
        kept.Transaction = (SqliteTransaction?)sent.Transaction;
        kept.CommandTimeout = sent.CommandTimeout;
        try
        {
            return InterceptionResult<T>.SuppressWithResult(execute(kept));
        }
        catch (InvalidOperationException)
        {
            // The kept command is still reading for an outer loop over the same query, or its transaction has ended:
            // EF's own command runs the statement, as it would without the shelf, and meets the same rules.
            return result;
        }
        catch (SqliteException) when (Forget(kept))
        {
            throw;
        }
    }

    private bool Forget(SqliteCommand kept)
    {
        if (kept.Connection is { } connection && shelves.TryGetValue(connection, out var shelf)) shelf.Drop(kept);
        return false;
    }

    /// <summary>One connection's commands by SQL text, most recently used last. Used by one context at a time, as its connection is.</summary>
    private sealed class Shelf
    {
        private readonly SqliteConnection connection;
        private readonly Dictionary<string, LinkedListNode<SqliteCommand>> byText = new(StringComparer.Ordinal);
        private readonly LinkedList<SqliteCommand> byUse = new();

        public Shelf(SqliteConnection connection)
        {
            this.connection = connection;
            // A connection that does close (its context disposed, or closed by hand) has disposed these commands already.
            connection.StateChange += (_, change) =>
            {
                if (change.CurrentState != ConnectionState.Closed) return;
                byText.Clear();
                byUse.Clear();
            };
        }

        public SqliteCommand For(string sql)
        {
            if (byText.TryGetValue(sql, out var node))
            {
                byUse.Remove(node);
                byUse.AddLast(node);
                return node.Value;
            }
            if (byText.Count >= PerConnection && byUse.First is { } oldest) Drop(oldest.Value);
            var command = connection.CreateCommand();
            command.CommandText = sql;
            byText[sql] = byUse.AddLast(command);
            return command;
        }

        public void Drop(SqliteCommand command)
        {
            if (!byText.Remove(command.CommandText, out var node)) return;
            byUse.Remove(node);
            command.Dispose();
        }
    }
}
