using Broadsheet.Features.Articles;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.ViewCounting;

/// <summary>The articles read most since a day of the site's calendar, from the daily aggregates.</summary>
public sealed class MostRead(BroadsheetDb db, ListingMemo memo)
{
    public const string Kind = "most-read";

    /// <summary>The figures only move when the counter flushes, so a minute-old answer is as good as a new one.</summary>
    public Task<List<Teaser>> SinceAsync(DateOnly firstDay, DateTime utcNow, int take, CancellationToken ct) =>
        memo.GetOrLoadAsync(Kind, $"{firstDay.DayNumber}:{take}:{utcNow.Ticks / TimeSpan.TicksPerMinute}",
            () => LoadAsync(firstDay, utcNow, take, ct));

    private async Task<List<Teaser>> LoadAsync(DateOnly firstDay, DateTime utcNow, int take, CancellationToken ct)
    {
        var from = firstDay.DayNumber;
        // Grouped by "ArticleId + 0", not the bare column: SQLite, without statistics, would otherwise read the
        // ArticleId index from end to end (every day of every article: 2 million rows at a million articles) to
        // get its groups in order, instead of this week's days from the key and a sort of what they hold.
        var leaders = await db.DailyViews.AsNoTracking().Where(d => d.Day >= from)
            .GroupBy(d => d.ArticleId + 0)
            .Select(g => new { ArticleId = g.Key, Views = g.Sum(x => x.Views) })
            .OrderByDescending(x => x.Views).ThenByDescending(x => x.ArticleId)
            .Take(take * 2).ToListAsync(ct);
        if (leaders.Count == 0) return [];
        var ids = leaders.Select(l => l.ArticleId).ToList();
        var visible = await db.Articles.AsNoTracking().VisibleAmongAsync(ids, utcNow, ct);
        var teasers = await db.Articles.AsNoTracking().Where(a => visible.Contains(a.Id)).ToTeasers().ToListAsync(ct);
        var rank = leaders.Select((l, i) => (l.ArticleId, i)).ToDictionary(x => x.ArticleId, x => x.i);
        return [.. teasers.OrderBy(t => rank[t.Id]).Take(take)];
    }
}
