using Broadsheet.Features.Articles;
using Broadsheet.Features.Live;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Feeds;

public static class FeedArticles
{
    /// <summary>Enough for a reader that polls every few minutes on a busy day, small enough to cache.</summary>
    public const int Size = 30;

    /// <summary>
    /// The newest <see cref="Size"/> of <paramref name="visible"/>, already filtered to what readers may see. A live
    /// article has changed when its newest entry was posted or edited, though its own row did not (Atom's updated).
    /// </summary>
    public static Task<List<FeedEntry>> LatestAsync(this IQueryable<Article> visible, BroadsheetDb db, CancellationToken ct) =>
        visible.Newest().Take(Size)
            .Select(a => new
            {
                Article = a,
                NewestEntry = a.Live == LiveState.None ? null
                    : db.LiveEntries.Where(e => e.ArticleId == a.Id && !e.IsDeleted).Max(e => (DateTime?)(e.EditedAt ?? e.PostedAt)),
            })
            .Select(x => new { a = x.Article, Updated = x.NewestEntry != null && (x.Article.UpdatedAt == null || x.NewestEntry > x.Article.UpdatedAt) ? x.NewestEntry : x.Article.UpdatedAt })
            .Select(x => new FeedEntry(
                x.a.Slug, x.a.Title, x.a.Lead, x.a.PublishedAt!.Value, x.Updated, x.a.CoverImage,
                x.a.Authors.OrderBy(b => b.Position).Select(b => b.Author.Name).ToList(),
                x.a.Rubrics.OrderBy(r => r.Rubric.Position).Select(r => new FeedCategory(r.Rubric.Slug, r.Rubric.Name)).ToList(),
                x.a.Tags.OrderBy(t => t.Tag.Name).Select(t => new FeedCategory(t.Tag.Slug, t.Tag.Name)).ToList()))
            .AsSplitQuery()
            .ToListAsync(ct);
}
