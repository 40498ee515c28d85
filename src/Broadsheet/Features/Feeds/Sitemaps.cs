using System.Xml;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Feeds;

/// <summary>
/// /sitemap.xml is an index: the articles in pages of <see cref="PageSize"/>, oldest first so that a
/// page, once full, stays the same and keeps its lastmod; and one sitemap of the listing pages.
/// </summary>
public static class Sitemaps
{
    /// <summary>Well under the protocol's 50,000 URLs and 50 MB, and quick to render on a cache miss.</summary>
    public const int PageSize = 1000;

    public const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string ImageNs = "http://www.google.com/schemas/sitemap-image/1.1";

    public static string ArticlesPath(int page) => $"/sitemaps/articles-{page}.xml";

    public const string SectionsPath = "/sitemaps/sections.xml";

    public static async Task<FileContentHttpResult> IndexAsync(FeedRequest r)
    {
        // One pass over two dates per article keeps this to a single query however large the archive grows.
        var pages = new List<DateTime>();
        var inPage = 0;
        await foreach (var a in Oldest(r.Db.Articles.AsNoTracking().VisibleAt(r.Now))
            .Select(a => new { PublishedAt = a.PublishedAt!.Value, a.UpdatedAt }).AsAsyncEnumerable().WithCancellation(r.Aborted))
        {
            var changed = FeedTime.LastChange(a.PublishedAt, a.UpdatedAt);
            if (inPage == 0) pages.Add(changed);
            else if (changed > pages[^1]) pages[^1] = changed;
            inPage = (inPage + 1) % PageSize;
        }

        var origin = r.Origin;
        return FeedXml.Document(FeedXml.Xml, w =>
        {
            w.WriteStartElement("sitemapindex", Ns);
            for (var i = 0; i < pages.Count; i++) Sitemap(w, origin + ArticlesPath(i + 1), pages[i]);
            Sitemap(w, origin + SectionsPath, pages.Count > 0 ? pages.Max() : null);
            w.WriteEndElement();
        });
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> ArticlesAsync(FeedRequest r, int page)
    {
        if (page < 1 || page > int.MaxValue / PageSize) return TypedResults.NotFound();
        var articles = await Oldest(r.Db.Articles.AsNoTracking().VisibleAt(r.Now))
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new { a.Slug, PublishedAt = a.PublishedAt!.Value, a.UpdatedAt, a.CoverImage })
            .ToListAsync(r.Aborted);
        if (articles.Count == 0) return TypedResults.NotFound();

        var origin = r.Origin;
        return FeedXml.Document(FeedXml.Xml, w =>
        {
            w.WriteStartElement("urlset", Ns);
            w.WriteAttributeString("xmlns", "image", null, ImageNs);
            foreach (var a in articles)
            {
                w.WriteStartElement("url", Ns);
                w.Element("loc", Ns, origin + ArticleUrl.For(r.Site, a.PublishedAt, a.Slug));
                w.Element("lastmod", Ns, FeedTime.Rfc3339(FeedTime.LastChange(a.PublishedAt, a.UpdatedAt)));
                if (a.CoverImage is { } cover)
                {
                    w.WriteStartElement("image", "image", ImageNs);
                    w.Element("loc", ImageNs, cover.StartsWith('/') ? origin + cover : cover);
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
    }

    /// <summary>The home page, the site pages (About, Contacts…) and every rubric, tag and author page that has something to show.</summary>
    public static async Task<FileContentHttpResult> SectionsAsync(FeedRequest r)
    {
        var visible = r.Db.Articles.AsNoTracking().VisibleAt(r.Now);
        var newest = await visible.MaxAsync(a => a.PublishedAt, r.Aborted);
        var rubrics = await r.Db.Rubrics.AsNoTracking().OrderBy(x => x.Position)
            .Select(x => new Section("/rubric/" + x.Slug, visible.Where(a => a.Rubrics.Any(y => y.RubricId == x.Id)).Max(a => a.PublishedAt)))
            .ToListAsync(r.Aborted);
        var tags = await r.Db.Tags.AsNoTracking().OrderBy(x => x.Slug)
            .Select(x => new Section("/tag/" + x.Slug, visible.Where(a => a.Tags.Any(y => y.TagId == x.Id)).Max(a => a.PublishedAt)))
            .ToListAsync(r.Aborted);
        var authors = await r.Db.Authors.AsNoTracking().OrderBy(x => x.Slug)
            .Select(x => new Section("/author/" + x.Slug, visible.Where(a => a.Authors.Any(y => y.AuthorId == x.Id)).Max(a => a.PublishedAt)))
            .ToListAsync(r.Aborted);
        var pages = await r.Db.SitePages.AsNoTracking().OrderBy(p => p.MenuOrder).ThenBy(p => p.Slug)
            .Select(p => new Section("/" + p.Slug, p.UpdatedAt)).ToListAsync(r.Aborted);

        var origin = r.Origin;
        return FeedXml.Document(FeedXml.Xml, w =>
        {
            w.WriteStartElement("urlset", Ns);
            Url(w, origin + "/", newest);
            foreach (var page in pages) Url(w, origin + page.Path, page.LastPublished);
            // A section with nothing visible in it is an empty page; search engines need not be sent there.
            foreach (var s in rubrics.Concat(tags).Concat(authors).Where(s => s.LastPublished is not null))
                Url(w, origin + s.Path, s.LastPublished);
            w.WriteEndElement();
        });
    }

    private sealed record Section(string Path, DateTime? LastPublished);

    private static IQueryable<Article> Oldest(IQueryable<Article> articles) =>
        articles.OrderBy(a => a.PublishedAt).ThenBy(a => a.Id);

    private static void Sitemap(XmlWriter w, string loc, DateTime? lastmod)
    {
        w.WriteStartElement("sitemap", Ns);
        w.Element("loc", Ns, loc);
        if (lastmod is { } at) w.Element("lastmod", Ns, FeedTime.Rfc3339(at));
        w.WriteEndElement();
    }

    private static void Url(XmlWriter w, string loc, DateTime? lastmod)
    {
        w.WriteStartElement("url", Ns);
        w.Element("loc", Ns, loc);
        if (lastmod is { } at) w.Element("lastmod", Ns, FeedTime.Rfc3339(at));
        w.WriteEndElement();
    }
}
