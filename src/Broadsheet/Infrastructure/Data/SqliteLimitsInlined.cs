using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Broadsheet.Infrastructure.Data;

/// <summary>
/// Writes the number into <c>LIMIT @p</c> and <c>OFFSET @p</c> before SQLite sees the statement. EF sends every
/// Skip and Take as a parameter (a literal <c>Take(1)</c> too), and SQLite re-prepares a statement whose subquery has a
/// bound LIMIT at its first step after the binding, as its planner reads the value (<c>sqlite3_stmt_status</c>
/// REPREPARE: once an execution for each such statement). Teasers put the limited query in a subquery, so the home page
/// prepared six of its fourteen statements twice, the largest with 177 parameters: with memos off, 8 % of its CPU was
/// <c>sqlite3Reprepare</c>. There is no statement cache on SQLite to lose by varying the text (dotnet/efcore#14044).
/// EF's own log shows the SQL as generated, with the parameter; SQLite gets the number.
/// </summary>
public sealed partial class SqliteLimitsInlined : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Inline(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Inline(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Inline(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Inline(command);
        return ValueTask.FromResult(result);
    }

    private static void Inline(DbCommand command)
    {
        var sql = command.CommandText;
        if (!sql.Contains("LIMIT @", StringComparison.Ordinal) && !sql.Contains("OFFSET @", StringComparison.Ordinal)) return;
        command.CommandText = Bound().Replace(sql, m =>
            command.Parameters.Contains(m.Groups["name"].Value) && command.Parameters[m.Groups["name"].Value].Value is int or long
                ? m.Groups["clause"].Value + " " + Convert.ToInt64(command.Parameters[m.Groups["name"].Value].Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
                : m.Value);
    }

    [GeneratedRegex(@"\b(?<clause>LIMIT|OFFSET) (?<name>@\w+)\b")]
    private static partial Regex Bound();
}
