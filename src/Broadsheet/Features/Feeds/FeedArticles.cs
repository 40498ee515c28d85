using Broadsheet.Features.Articles;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Feeds;

public static class FeedArticles
{
    /// <summary>Enough for a reader that polls every few minutes on a busy day, small enough to cache.</summary>
    public const int Size = 30;

    /// <summary>The newest <see cref="Size"/> of <paramref name="visible"/>, already filtered to what readers may see.</summary>
    public static Task<List<FeedEntry>> LatestAsync(this IQueryable<Article> visible, CancellationToken ct) =>
        visible.Newest().Take(Size)
            .Select(a => new FeedEntry(
                a.Slug, a.Title, a.Lead, a.PublishedAt!.Value, a.UpdatedAt, a.CoverImage,
                a.Authors.OrderBy(x => x.Position).Select(x => x.Author.Name).ToList(),
                a.Rubrics.OrderBy(r => r.Rubric.Position).Select(r => new FeedCategory(r.Rubric.Slug, r.Rubric.Name)).ToList(),
                a.Tags.OrderBy(t => t.Tag.Name).Select(t => new FeedCategory(t.Tag.Slug, t.Tag.Name)).ToList()))
            .AsSplitQuery()
            .ToListAsync(ct);
}
