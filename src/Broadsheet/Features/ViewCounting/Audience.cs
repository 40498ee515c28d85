using Broadsheet.Features.Articles;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.ViewCounting;

/// <summary>
/// What readers read, for the newsroom: the leaders of the last hours (hourly figures), an article's
/// hours since publication, and the month by rubric and by author (daily figures). Views count once
/// per reader and article a day (ReaderKeys), the same figures as "most read".
/// </summary>
public sealed class Audience(BroadsheetDb db)
{
    /// <summary>The articles read most in the hours since <paramref name="sinceUtc"/>, the current hour included.</summary>
    public async Task<List<Figure>> LeadersSinceAsync(DateTime sinceUtc, int take, CancellationToken ct)
    {
        var from = HourlyViews.HourOf(sinceUtc);
        var leaders = await db.HourlyViews.AsNoTracking().Where(h => h.Hour >= from)
            .GroupBy(h => h.ArticleId)
            .Select(g => new { ArticleId = g.Key, Views = g.Sum(x => x.Views) })
            .OrderByDescending(x => x.Views).ThenByDescending(x => x.ArticleId)
            .Take(take).ToListAsync(ct);
        var ids = leaders.Select(l => l.ArticleId).ToList();
        var titles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Title }).ToListAsync(ct);
        return [.. leaders.Join(titles, l => l.ArticleId, t => t.Id, (l, t) => new Figure(t.Title, l.Views, l.ArticleId))];
    }

    /// <summary>Views in each hour from <paramref name="fromUtc"/> to <paramref name="toUtc"/>, hours without views as zero.</summary>
    public async Task<List<HourFigure>> HoursAsync(int articleId, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var (first, last) = (HourlyViews.HourOf(fromUtc), HourlyViews.HourOf(toUtc));
        var kept = await db.HourlyViews.AsNoTracking().Where(h => h.ArticleId == articleId && h.Hour >= first && h.Hour <= last)
            .ToDictionaryAsync(h => h.Hour, h => h.Views, ct);
        return [.. Enumerable.Range(first, Math.Max(0, last - first + 1)).Select(h => new HourFigure(HourlyViews.StartOf(h), kept.GetValueOrDefault(h)))];
    }

    public async Task<List<Figure>> ByRubricSinceAsync(DateOnly firstDay, CancellationToken ct)
    {
        var from = firstDay.DayNumber;
        var sums = await db.DailyViews.AsNoTracking().Where(d => d.Day >= from)
            .Join(db.ArticleRubrics, d => d.ArticleId, r => r.ArticleId, (d, r) => new { r.RubricId, d.Views })
            .GroupBy(x => x.RubricId).Select(g => new { Id = g.Key, Views = g.Sum(x => x.Views) }).ToListAsync(ct);
        var names = await db.Rubrics.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        return [.. sums.Where(s => names.ContainsKey(s.Id)).Select(s => new Figure(names[s.Id], s.Views, null)).OrderByDescending(f => f.Views).ThenBy(f => f.Label, StringComparer.Ordinal)];
    }

    public async Task<List<Figure>> ByAuthorSinceAsync(DateOnly firstDay, int take, CancellationToken ct)
    {
        var from = firstDay.DayNumber;
        var sums = await db.DailyViews.AsNoTracking().Where(d => d.Day >= from)
            .Join(db.ArticleAuthors, d => d.ArticleId, a => a.ArticleId, (d, a) => new { a.AuthorId, d.Views })
            .GroupBy(x => x.AuthorId).Select(g => new { Id = g.Key, Views = g.Sum(x => x.Views) })
            .OrderByDescending(x => x.Views).Take(take).ToListAsync(ct);
        var ids = sums.Select(s => s.Id).ToList();
        var names = await db.Authors.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return [.. sums.Where(s => names.ContainsKey(s.Id)).Select(s => new Figure(names[s.Id], s.Views, null))];
    }
}

/// <summary>One bar of a chart: what it stands for, its views, and the article it links to, if any.</summary>
public sealed record Figure(string Label, long Views, int? ArticleId);

/// <summary>One hour's column: the hour's start (UTC) and its views.</summary>
public sealed record HourFigure(DateTime Hour, long Views);
