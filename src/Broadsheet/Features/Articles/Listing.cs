using System.Linq.Expressions;
using Broadsheet.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Articles;

/// <summary>Keyset paging and the teaser projection, shared by every listing of articles.</summary>
public static class Listing
{
    public const int PageSize = 20;

    public static IQueryable<Teaser> ToTeasers(this IQueryable<Article> articles) => articles.Select(TeaserOf);

    /// <summary>The projection itself, for a compiled query (which sees through no extension method of ours).</summary>
    public static readonly Expression<Func<Article, Teaser>> TeaserOf = a => new Teaser(
        a.Id, a.Slug, a.Title, a.Lead, a.PublishedAt!.Value, a.CoverImage,
        a.Rubrics.OrderBy(r => r.Rubric.Position).Select(r => r.Rubric.Name).FirstOrDefault(),
        a.Rubrics.OrderBy(r => r.Rubric.Position).Select(r => r.Rubric.Slug).FirstOrDefault(),
        a.Rubrics.Any(r => r.Rubric.IsOpinion),
        a.Authors.OrderBy(x => x.Position).Select(x => x.Author.Name).FirstOrDefault(),
        a.Authors.OrderBy(x => x.Position).Select(x => x.Author.Photo).FirstOrDefault(),
        a.Views != null ? a.Views.Views : 0);

    public static IQueryable<Article> Newest(this IQueryable<Article> articles) =>
        articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);

    /// <summary>Pages <paramref name="visible"/> (already filtered to what readers may see) newest first.</summary>
    public static async Task<Paged<Teaser>> PageAsync(this IQueryable<Article> visible, PageRequest request, CancellationToken ct, int size = PageSize)
    {
        List<Teaser> items;
        bool more;
        if (request.After is { } after)
        {
            var newer = await visible
                .Where(a => a.PublishedAt > after.PublishedAt || (a.PublishedAt == after.PublishedAt && a.Id > after.Id))
                .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id)
                .Take(size + 1).ToTeasers().ToListAsync(ct);
            more = newer.Count > size;
            items = [.. newer.Take(size).Reverse()];
            return new Paged<Teaser>(items, items.Count > 0 ? Key(items[^1]) : null, more && items.Count > 0 ? Key(items[0]) : null);
        }

        var query = visible;
        if (request.Before is { } before)
            query = query.Where(a => a.PublishedAt < before.PublishedAt || (a.PublishedAt == before.PublishedAt && a.Id < before.Id));
        var page = await query.Newest().Take(size + 1).ToTeasers().ToListAsync(ct);
        more = page.Count > size;
        items = [.. page.Take(size)];
        return new Paged<Teaser>(items,
            more ? Key(items[^1]) : null,
            request.Before is not null && items.Count > 0 ? Key(items[0]) : null);
    }

    /// <summary>
    /// <see cref="PageAsync"/> kept in the memo for the minute (what is visible depends on the time) or
    /// until the next publication: deep pages are read by crawlers far more often than they change.
    /// </summary>
    public static Task<Paged<Teaser>> KeptPageAsync(this IQueryable<Article> visible, ListingMemo memo, string listing,
        PageRequest request, DateTime now, CancellationToken ct) =>
        memo.GetOrLoadAsync("listing-page", $"{listing}:{request.Before}:{request.After}:{now.Ticks / TimeSpan.TicksPerMinute}",
            () => visible.PageAsync(request, ct));

    private static Keyset Key(Teaser t) => new(t.PublishedAt, t.Id);
}
