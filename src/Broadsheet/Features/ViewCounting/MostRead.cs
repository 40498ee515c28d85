using Broadsheet.Features.Articles;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.ViewCounting;

/// <summary>The articles read most today and this week (the seven days up to today, in the site's calendar), from the daily aggregates.</summary>
public sealed class MostRead(BroadsheetDb db, ListingMemo memo)
{
    public const string Kind = "most-read";
    private const int WeekDays = 7;

    /// <summary>The figures only move when the counter flushes, so a minute-old answer is as good as a new one.</summary>
    public Task<MostReadLists> TodayAndWeekAsync(DateOnly today, DateTime utcNow, int take, CancellationToken ct) =>
        memo.GetOrLoadAsync(Kind, $"{today.DayNumber}:{take}:{utcNow.Ticks / TimeSpan.TicksPerMinute}",
            () => LoadAsync(today, utcNow, take, ct));

    /// <summary>
    /// Both lists in three queries, not three each: the two rankings in one (a UNION ALL), which of their
    /// articles readers may see, and the teasers of those. A cold page pays a round trip and EF's fixed cost per query.
    /// </summary>
    private async Task<MostReadLists> LoadAsync(DateOnly today, DateTime utcNow, int take, CancellationToken ct)
    {
        var leaders = await Leaders(today.DayNumber, TodayList, take * 2)
            .Concat(Leaders(today.AddDays(1 - WeekDays).DayNumber, WeekList, take * 2))
            .ToListAsync(ct);
        if (leaders.Count == 0) return new MostReadLists([], []);
        var ids = leaders.Select(l => l.ArticleId).Distinct().ToList();
        var visible = await db.Articles.AsNoTracking().VisibleAmongAsync(ids, utcNow, ct);
        var teasers = visible.Count == 0 ? []
            : await db.Articles.AsNoTracking().Where(a => visible.Contains(a.Id)).ToTeasers().ToDictionaryAsync(t => t.Id, ct);
        return new MostReadLists(Ranked(leaders, TodayList, teasers, take), Ranked(leaders, WeekList, teasers, take));
    }

    private const int TodayList = 0;
    private const int WeekList = 1;

    /// <summary>
    /// Grouped by "ArticleId + 0", not the bare column: SQLite, without statistics, would otherwise read the
    /// ArticleId index from end to end (every day of every article: 2 million rows at a million articles) to
    /// get its groups in order, instead of the window's days from the key and a sort of what they hold.
    /// </summary>
    private IQueryable<Leader> Leaders(int fromDay, int list, int take) =>
        db.DailyViews.AsNoTracking().Where(d => d.Day >= fromDay)
            .GroupBy(d => d.ArticleId + 0)
            .Select(g => new { ArticleId = g.Key, Views = g.Sum(x => x.Views) })
            .OrderByDescending(x => x.Views).ThenByDescending(x => x.ArticleId)
            .Take(take)
            // Plain columns after the limit: EF translates a set operation only over such a projection.
            .Select(x => new Leader { List = list, ArticleId = x.ArticleId, Views = x.Views });

    /// <summary>One list's visible articles in its own order (a UNION ALL promises none, so it is sorted here).</summary>
    private static List<Teaser> Ranked(List<Leader> leaders, int list, Dictionary<int, Teaser> teasers, int take) =>
        [.. leaders.Where(l => l.List == list).OrderByDescending(l => l.Views).ThenByDescending(l => l.ArticleId)
            .Select(l => teasers.GetValueOrDefault(l.ArticleId)).OfType<Teaser>().Take(take)];

    private sealed class Leader
    {
        public int List { get; init; }
        public int ArticleId { get; init; }
        public long Views { get; init; }
    }
}

public sealed record MostReadLists(List<Teaser> Today, List<Teaser> Week);
