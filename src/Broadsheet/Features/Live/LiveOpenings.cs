using System.Collections.Concurrent;
using Broadsheet.Features.Articles;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Live;

/// <summary>What a stream needs to open: the running coverage's address and its newest change number.</summary>
public sealed record LiveOpening(DateTime PublishedAt, string Slug, long Latest);

/// <summary>
/// Answers "is this coverage running, and what is its newest change?" from one database read per article a
/// second, however many streams open at once. A drained node, a push notification or a proxy's restart sends
/// thousands of readers back within the same second; asked of the database each, they emptied the connection
/// pool and their failures brought them back again (bench/live-night.sh). A second's staleness costs nothing:
/// <see cref="LiveWire.LatestHeard"/> covers anything posted since the read.
/// </summary>
public sealed class LiveOpenings(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(1);

    /// <summary>Unknown ids are remembered too (so a flood of them is not a flood of queries), within this bound.</summary>
    private const int Remembered = 1_000;

    private readonly ConcurrentDictionary<int, Reading> readings = new();

    public Task<LiveOpening?> FindAsync(int articleId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (readings.Count > Remembered) readings.Clear();
        // The Lazy makes concurrent callers share one read: only the winning entry's value is ever started.
        var reading = readings.AddOrUpdate(articleId,
            id => new Reading(now, new Lazy<Task<LiveOpening?>>(() => ReadAsync(id, now))),
            (id, old) => now - old.At < Fresh && !old.Task.Value.IsFaulted ? old : new Reading(now, new Lazy<Task<LiveOpening?>>(() => ReadAsync(id, now))));
        return reading.Task.Value;
    }

    public void Forget(int articleId) => readings.TryRemove(articleId, out _);

    private async Task<LiveOpening?> ReadAsync(int articleId, DateTime now)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        // Not the request's token: the read is shared, and one reader leaving must not fail the others' opening.
        var article = await db.Articles.AsNoTracking().VisibleAt(now)
            .Where(a => a.Id == articleId && a.Live == LiveState.Running)
            .Select(a => new { a.PublishedAt, a.Slug })
            .FirstOrDefaultAsync();
        if (article is null) return null;
        var latest = await db.LiveEntries.Where(e => e.ArticleId == articleId).MaxAsync(e => (long?)e.Change) ?? 0;
        return new LiveOpening(article.PublishedAt!.Value, article.Slug, latest);
    }

    private sealed record Reading(DateTime At, Lazy<Task<LiveOpening?>> Task);
}
