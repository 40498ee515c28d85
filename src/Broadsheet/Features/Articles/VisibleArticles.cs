using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Articles;

public static class VisibleArticles
{
    /// <summary>What a reader may see: published, and not scheduled for later.</summary>
    public static IQueryable<Article> VisibleAt(this IQueryable<Article> articles, DateTime utcNow) =>
        articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= utcNow);

    /// <summary>
    /// Which of a handful of known articles a reader may see now. Asked by key alone and checked here: with
    /// the status and date in the same WHERE, SQLite (which keeps no statistics) walked the whole
    /// (Status, PublishedAt) index, every published article, instead of looking up ten keys.
    /// </summary>
    public static async Task<List<int>> VisibleAmongAsync(this IQueryable<Article> articles, IReadOnlyCollection<int> ids, DateTime utcNow, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var found = await articles.Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Status, a.PublishedAt }).ToListAsync(ct);
        return [.. found.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= utcNow).Select(a => a.Id)];
    }
}
