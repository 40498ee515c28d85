using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Broadsheet.Tests.Scale;

/// <summary>
/// Keeps every SELECT that EF sends while answering a reader's request, with its parameters: the SQL the
/// pages really run, not copies of it (background jobs, which run outside a request, are left out).
/// </summary>
public sealed class QueryRecorder(IHttpContextAccessor requests) : DbCommandInterceptor
{
    public IHttpContextAccessor Requests => requests;

    public ConcurrentQueue<RecordedQuery> Queries { get; } = new();

    private volatile bool recording;

    public bool Recording { get => recording; set => recording = value; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Keep(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Keep(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Keep(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Keep(DbCommand command)
    {
        if (!recording || requests.HttpContext is not { } http) return;
        var sql = command.CommandText.TrimStart();
        if (!sql.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !sql.StartsWith("WITH", StringComparison.OrdinalIgnoreCase)) return;
        Queries.Enqueue(new RecordedQuery(http.Request.Path + http.Request.QueryString, command.CommandText,
            [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value))]));
    }
}

public sealed record RecordedQuery(string Page, string Sql, List<(string Name, object? Value)> Parameters);
