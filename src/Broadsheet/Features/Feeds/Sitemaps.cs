using System.Globalization;
using System.Text;
using System.Xml;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Caching;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Feeds;

/// <summary>
/// /sitemap.xml is an index: the articles by month of publication (UTC), a month in files of at most
/// <see cref="PageSize"/> URLs, and one sitemap of the listing pages. A file names its month, so it is read
/// by an index range whatever the archive's size (no offset into a million rows), and a past month's file
/// stays the same and keeps its lastmod.
/// </summary>
public static class Sitemaps
{
    /// <summary>The protocol's limit (and about 7 MB, under its 50 MB): a national site publishes a few thousand a month.</summary>
    public const int PageSize = 50_000;

    public const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string ImageNs = "http://www.google.com/schemas/sitemap-image/1.1";

    /// <summary>URLs written between two flushes to the response.</summary>
    private const int Chunk = 500;

    public static string ArticlesPath(int year, int month, int part) =>
        string.Create(CultureInfo.InvariantCulture, $"/sitemaps/articles-{year:D4}-{month:D2}-{part}.xml");

    public const string SectionsPath = "/sitemaps/sections.xml";

    public static async Task<FileContentHttpResult> IndexAsync(FeedRequest r, ListingMemo memo)
    {
        // Past months from the row the database keeps for each (a row a month, whatever the archive's size), kept
        // with the listings, which a publication or an edit forgets: ten years of a national site are 120 of them.
        // They are kept written, as the index's entries: writing 116 of them for each request was a third of what a
        // million articles cost this page over ten thousand (p50 1.41× kept as rows, 1.26× kept written). This month
        // is counted from its articles, an index range of one month, because only now can say which of them are
        // visible yet (one published for later is counted in its month's row already).
        var now = r.Now;
        var origin = r.Origin;
        var thisMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var db = r.Db;
        var past = await memo.GetOrLoadAsync("sitemap-months", $"{now.Year}-{now.Month} {origin}", async () => PastMonths.Of(origin,
            await db.SitemapMonths.AsNoTracking()
                .Where(m => m.Articles > 0 && (m.Year < now.Year || (m.Year == now.Year && m.Month < now.Month)))
                .OrderBy(m => m.Year).ThenBy(m => m.Month)
                .Select(m => new MonthFile(m.Year, m.Month, m.Articles, m.LastChange))
                .ToListAsync(r.Aborted)));
        var current = await r.Db.Articles.AsNoTracking().VisibleAt(now).Where(a => a.PublishedAt >= thisMonth)
            .GroupBy(a => a.Status)
            .Select(g => new { Count = g.Count(), Published = g.Max(a => a.PublishedAt!.Value), Updated = g.Max(a => a.UpdatedAt) })
            .FirstOrDefaultAsync(r.Aborted);
        var month = current is null ? null : new MonthFile(now.Year, now.Month, current.Count, FeedTime.LastChange(current.Published, current.Updated));
        var lastChange = new[] { past.LastChange, month?.LastChange }.Max();

        var rest = Written(w =>
        {
            if (month is not null) MonthEntries(w, origin, month);
            Sitemap(w, origin + SectionsPath, lastChange);
        });
        return FeedXml.Document(FeedXml.Xml, w =>
        {
            w.WriteStartElement("sitemapindex", Ns);
            w.WriteRaw(past.Entries);
            w.WriteRaw(rest);
            w.WriteRaw("\n");
            w.WriteEndElement();
        });
    }

    /// <summary>The past months' entries of the index as written, with the latest change among them; public for the memo's serialiser (Redis, with several nodes).</summary>
    public sealed record PastMonths(string Entries, DateTime? LastChange)
    {
        public static PastMonths Of(string origin, List<MonthFile> months) => new(
            Written(w => { foreach (var m in months) MonthEntries(w, origin, m); }),
            months.Count > 0 ? months.Max(m => m.LastChange) : null);
    }

    /// <summary>
    /// Entries of the index as text, indented as they are inside it: written inside a <c>sitemapindex</c> of their
    /// own, which is then cut away, so that they carry its namespace without declaring it.
    /// </summary>
    private static string Written(Action<XmlWriter> entries)
    {
        var text = new StringBuilder();
        using (var w = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true }))
        {
            w.WriteStartElement("sitemapindex", Ns);
            entries(w);
            w.WriteFullEndElement();
        }
        var written = text.ToString();
        return written[(written.IndexOf('>') + 1)..written.LastIndexOf("</", StringComparison.Ordinal)].TrimEnd();
    }

    /// <summary>A month's files, one entry each.</summary>
    private static void MonthEntries(XmlWriter w, string origin, MonthFile m)
    {
        for (var part = 1; part <= (m.Articles + PageSize - 1) / PageSize; part++)
            Sitemap(w, origin + ArticlesPath(m.Year, m.Month, part), m.LastChange);
    }

    public static async Task<IResult> ArticlesAsync(FeedRequest r, int year, int month, int part)
    {
        if (year is < 1900 or > 2999 || month is < 1 or > 12 || part is < 1 or > 1000) return TypedResults.NotFound();
        var from = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = from.AddMonths(1);
        var inFile = Oldest(r.Db.Articles.AsNoTracking().VisibleAt(r.Now).Where(a => a.PublishedAt >= from && a.PublishedAt < to))
            .Skip((part - 1) * PageSize).Take(PageSize);
        if (!await inFile.AnyAsync(r.Aborted)) return TypedResults.NotFound();

        var rows = inFile.Select(a => new { a.Slug, PublishedAt = a.PublishedAt!.Value, a.UpdatedAt, a.CoverImage }).AsAsyncEnumerable();
        var (origin, site, ct) = (r.Origin, r.Site, r.Aborted);
        return FeedXml.Streamed(FeedXml.Xml, async (w, flush) =>
        {
            w.WriteStartElement("urlset", Ns);
            w.WriteAttributeString("xmlns", "image", null, ImageNs);
            var written = 0;
            await foreach (var a in rows.WithCancellation(ct))
            {
                w.WriteStartElement("url", Ns);
                w.Element("loc", Ns, origin + ArticleUrl.For(site, a.PublishedAt, a.Slug));
                w.Element("lastmod", Ns, FeedTime.Rfc3339(FeedTime.LastChange(a.PublishedAt, a.UpdatedAt)));
                if (a.CoverImage is { } cover)
                {
                    w.WriteStartElement("image", "image", ImageNs);
                    w.Element("loc", ImageNs, cover.StartsWith('/') ? origin + cover : cover);
                    w.WriteEndElement();
                }
                w.WriteEndElement();
                if (++written % Chunk == 0) await flush();
            }
            w.WriteEndElement();
        }, ct);
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

    /// <summary>A month's files in the index.</summary>
    public sealed record MonthFile(int Year, int Month, int Articles, DateTime LastChange);

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
