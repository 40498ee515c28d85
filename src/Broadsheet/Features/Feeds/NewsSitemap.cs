using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Feeds;

/// <summary>
/// Google News sitemap: only what went out in the last two days, at most a thousand articles,
/// as https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap asks.
/// </summary>
public static class NewsSitemap
{
    public const string Path = "/sitemap-news.xml";
    public static readonly TimeSpan Window = TimeSpan.FromHours(48);
    public const int MaxArticles = 1000;

    private const string NewsNs = "http://www.google.com/schemas/sitemap-news/0.9";

    public static async Task<FileContentHttpResult> RenderAsync(FeedRequest r)
    {
        var since = r.Now - Window;
        var articles = await r.Db.Articles.AsNoTracking().VisibleAt(r.Now)
            .Where(a => a.PublishedAt >= since)
            .Newest().Take(MaxArticles)
            .Select(a => new { a.Slug, a.Title, a.Language, PublishedAt = a.PublishedAt!.Value })
            .ToListAsync(r.Aborted);

        var origin = r.Origin;
        var publication = r.Site.Settings.PublicationName;
        return FeedXml.Document(FeedXml.Xml, w =>
        {
            w.WriteStartElement("urlset", Sitemaps.Ns);
            w.WriteAttributeString("xmlns", "news", null, NewsNs);
            foreach (var a in articles)
            {
                w.WriteStartElement("url", Sitemaps.Ns);
                w.Element("loc", Sitemaps.Ns, origin + ArticleUrl.For(r.Site, a.PublishedAt, a.Slug));
                w.WriteStartElement("news", "news", NewsNs);
                w.WriteStartElement("news", "publication", NewsNs);
                w.Element("name", NewsNs, publication);
                // Google wants the article's own language; a site may publish in both.
                w.Element("language", NewsNs, a.Language);
                w.WriteEndElement();
                w.Element("publication_date", NewsNs, FeedTime.Rfc3339(a.PublishedAt));
                w.Element("title", NewsNs, a.Title);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
    }
}
