namespace Broadsheet.Features.ViewCounting;

/// <summary>
/// Views counted but not yet written, and the readers seen lately, in this process's memory:
/// the tally of a site on one machine. Several web nodes share <see cref="RedisViewTally"/>.
/// </summary>
public sealed class ViewTally : IViewTally
{
    /// <summary>A reader who comes back within this time is the same view.</summary>
    public static readonly TimeSpan OncePer = TimeSpan.FromMinutes(30);

    // The bounds keep a flood of beacons from exhausting memory: about 40 bytes a reader, so
    // ~20 MB for half a million distinct reader-article pairs in half an hour (some 24 million
    // views a day, beyond what one node serves). When full, new readers go uncounted until the
    // next flush forgets the expired ones; undercounting a flood is the lesser harm.
    public const int MaxRecentReaders = 500_000;
    public const int MaxPendingArticleDays = 50_000;

    private readonly Lock gate = new();
    private readonly Dictionary<UInt128, DateTime> recentReaders = [];
    private Dictionary<(int ArticleId, int Day), long> pending = [];

    public bool IsShared => false;

    public ValueTask<bool> CountAsync(int articleId, int day, UInt128 reader, DateTime utcNow) =>
        ValueTask.FromResult(Count(articleId, day, reader, utcNow));

    public Task<List<PendingViews>> TakeAsync(DateTime utcNow) => Task.FromResult(Take(utcNow));

    public Task PutBackAsync(IReadOnlyCollection<PendingViews> views)
    {
        PutBack(views);
        return Task.CompletedTask;
    }

    /// <summary>Counts the view unless this reader was counted for it within <see cref="OncePer"/>.</summary>
    public bool Count(int articleId, int day, UInt128 reader, DateTime utcNow)
    {
        lock (gate)
        {
            var returning = recentReaders.TryGetValue(reader, out var countedAt);
            if (returning && utcNow - countedAt < OncePer) return false;
            if (!returning && recentReaders.Count >= MaxRecentReaders) return false;
            var key = (articleId, day);
            if (!pending.TryGetValue(key, out var views) && pending.Count >= MaxPendingArticleDays) return false;
            recentReaders[reader] = utcNow;
            pending[key] = views + 1;
            return true;
        }
    }

    /// <summary>Hands over everything counted so far, and forgets readers whose half hour is over.</summary>
    public List<PendingViews> Take(DateTime utcNow)
    {
        Dictionary<(int ArticleId, int Day), long> taken;
        lock (gate)
        {
            taken = pending;
            pending = [];
            foreach (var (reader, countedAt) in recentReaders)
                if (utcNow - countedAt >= OncePer) recentReaders.Remove(reader);
        }
        return [.. taken.Select(p => new PendingViews(p.Key.ArticleId, p.Key.Day, p.Value))];
    }

    /// <summary>Returns views whose write failed, to go with the next batch.</summary>
    public void PutBack(IEnumerable<PendingViews> views)
    {
        lock (gate)
        {
            foreach (var v in views)
                pending[(v.ArticleId, v.Day)] = pending.GetValueOrDefault((v.ArticleId, v.Day)) + v.Views;
        }
    }
}

/// <summary>Views of one article on one day of the site's calendar, waiting to be written.</summary>
public sealed record PendingViews(int ArticleId, int Day, long Views);
