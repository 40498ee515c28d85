using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Broadsheet.Tests.Support;

/// <summary>
/// Once armed, holds the next query of <paramref name="table"/> (that <paramref name="only"/> picks out, if given) after the
/// database has answered it, until released: the reader has the first row in hand, so whatever is saved meanwhile, that
/// reading returns what was there before.
/// </summary>
public sealed class HeldReading(string table, Func<bool>? only = null) : DbCommandInterceptor
{
    private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int armed;

    /// <summary>Done when the armed reading has been answered and is being held.</summary>
    public Task Reached => reached.Task;

    public void Hold() => Volatile.Write(ref armed, 1);

    public void Release() => gate.TrySetResult();

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (!command.CommandText.Contains($"\"{table}\"", StringComparison.Ordinal) || only?.Invoke() == false
            || Interlocked.Exchange(ref armed, 0) == 0) return result;
        reached.TrySetResult();
        await gate.Task.WaitAsync(cancellationToken);
        return result;
    }
}
