using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Moderation;

/// <summary>
/// Keeps the compiled <see cref="RuleBook"/>. An edit on this node recompiles at once; other nodes
/// pick the change up within <see cref="Freshness"/>, which is as long as a changed rule may lag.
/// </summary>
public sealed class RuleBooks(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim gate = new(1, 1);
    private (RuleBook Book, DateTimeOffset At)? current;

    public async Task<RuleBook> CurrentAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (current is { } c && now - c.At < Freshness) return c.Book;
        await gate.WaitAsync(ct);
        try
        {
            if (current is { } again && now - again.At < Freshness) return again.Book;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            var book = new RuleBook(await db.CommentRules.AsNoTracking().ToListAsync(ct));
            current = (book, now);
            return book;
        }
        finally { gate.Release(); }
    }

    public void Forget() => current = null;

    public void Dispose() => gate.Dispose();
}
