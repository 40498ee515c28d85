using Broadsheet.Features.Articles;
using Broadsheet.Features.TypoReports;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.TypoReports;

/// <summary>
/// The open reports as the editors read them: by article, the article readers reported most
/// recently first; within it by fragment, with how many readers reported each.
/// </summary>
public sealed class TypoInbox(BroadsheetDb db, TimeProvider clock)
{
    public const int Limit = 500;

    public async Task<List<InboxArticle>> OpenAsync(CancellationToken ct)
    {
        var reports = await db.TypoReports.AsNoTracking().Where(r => r.Status == TypoReportStatus.Open)
            .OrderByDescending(r => r.LastReportedAt).Take(Limit).ToListAsync(ct);
        var ids = reports.Select(r => r.ArticleId).Distinct().ToList();
        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        return [.. reports.GroupBy(r => r.ArticleId).Select(byArticle =>
        {
            var article = articles[byArticle.Key];
            var fragments = byArticle
                .GroupBy(r => (r.Before, r.Fragment, r.After))
                .Select(g => new InboxFragment(g.Key.Before, g.Key.Fragment, g.Key.After, g.Sum(r => r.Count),
                    TypoFixes.IsStillInText(article, g.First()), [.. g]))
                .ToList();
            return new InboxArticle(article.Id, article.Title, article.Status, byArticle.Max(r => r.LastReportedAt), fragments);
        }).OrderByDescending(a => a.LastReportedAt)];
    }

    /// <summary>For the dashboard: how many reports wait, and the median time from a report's arrival to its fix over the last 30 days.</summary>
    public async Task<TypoStats> StatsAsync(CancellationToken ct)
    {
        var open = await db.TypoReports.CountAsync(r => r.Status == TypoReportStatus.Open, ct);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        var fixedTimes = await db.TypoReports.AsNoTracking()
            .Where(r => r.Status == TypoReportStatus.Fixed && r.ResolvedAt >= since)
            .Select(r => new { r.CreatedAt, r.ResolvedAt }).ToListAsync(ct);
        // Durations are computed here, not in SQL: SQLite has no portable date arithmetic.
        var spans = fixedTimes.Select(r => r.ResolvedAt!.Value - r.CreatedAt).Order().ToList();
        TimeSpan? median = spans.Count == 0 ? null
            : spans.Count % 2 == 1 ? spans[spans.Count / 2]
            : (spans[spans.Count / 2 - 1] + spans[spans.Count / 2]) / 2;
        return new TypoStats(open, spans.Count, median);
    }
}

public sealed record InboxArticle(int Id, string Title, ArticleStatus Status, DateTime LastReportedAt, List<InboxFragment> Fragments);

/// <summary>One fragment as readers saw it; <see cref="Readers"/> adds up every suggestion made for it.</summary>
public sealed record InboxFragment(string Before, string Fragment, string After, int Readers, bool IsStillInText, List<TypoReport> Reports);

public sealed record TypoStats(int Open, int FixedLast30Days, TimeSpan? MedianTimeToFix)
{
    public static string Describe(TimeSpan span) =>
        span.TotalMinutes < 1 ? "under a minute"
        : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min"
        : span.TotalDays < 2 ? $"{span.TotalHours:0.#} h"
        : $"{span.TotalDays:0.#} days";
}
