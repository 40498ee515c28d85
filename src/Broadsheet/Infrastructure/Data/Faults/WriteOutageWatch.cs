using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Broadsheet.Infrastructure.Data.Faults;

/// <summary>
/// Tells <see cref="WriteOutage"/> what the database does: every command, commit or connection that
/// fails for a storage fault, and every write that commits. A write counts as committed when it is
/// outside a transaction (SaveChanges with its own, an ExecuteUpdate that changed rows) or when
/// the transaction around it commits; a SaveChanges inside a caller's transaction is not yet one.
/// </summary>
public sealed class WriteOutageWatch(WriteOutage outage)
    : IDbCommandInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor, ISaveChangesInterceptor
{
    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Failed(eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Exception);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Failed(eventData.Exception);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Exception);
        return Task.CompletedTask;
    }

    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => Failed(eventData.Exception);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Exception);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => outage.Committed();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        outage.Committed();
        return Task.CompletedTask;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (result > 0 && eventData.Context?.Database.CurrentTransaction is null) outage.Committed();
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavedChanges(eventData, result));

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (result > 0 && command.Transaction is null && eventData.Context?.Database.CurrentTransaction is null) outage.Committed();
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(NonQueryExecuted(command, eventData, result));

    private void Failed(Exception exception)
    {
        if (StorageFault.Of(exception) is { } fault) outage.Failed(fault);
    }
}
