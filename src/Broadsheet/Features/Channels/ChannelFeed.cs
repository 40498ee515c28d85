using System.Xml;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Feeds;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Channels;

/// <summary>
/// /feed/channel/{name}: the full-content RSS that aggregators ingest. Dzen (Yandex Zen) and
/// Yandex News want the whole text (content:encoded, yandex:full-text), images as enclosures with
/// their type, a figure with figcaption for each captioned picture, categories, an author and
/// pubDate; Google News reads the same RSS 2.0 fields. The name is the channel's name from the
/// site settings, as a slug ("Dzen" → /feed/channel/dzen).
/// </summary>
public static class ChannelFeed
{
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string MediaNs = "http://search.yahoo.com/mrss/";
    private const string YandexNs = "http://news.yandex.ru";
    private const string AtomNs = "http://www.w3.org/2005/Atom";

    public static async Task<Results<FileContentHttpResult, NotFound>> RenderAsync([AsParameters] FeedRequest r, string name)
    {
        if (name.Length > 100) return TypedResults.NotFound();
        var channel = r.Site.Settings.Channels.FirstOrDefault(c => string.Equals(Slug.From(c.Name), name, StringComparison.OrdinalIgnoreCase));
        if (channel is null) return TypedResults.NotFound();
        var articles = await ArticlesFor(r.Db, channel, r.Now)
            .Newest().Take(FeedArticles.Size).AsSplitQuery()
            .Select(a => new
            {
                a.Slug, a.Title, a.Lead, a.BodyHtml, PublishedAt = a.PublishedAt!.Value, a.UpdatedAt, a.CoverImage, a.CoverCaption, a.Language,
                Byline = a.Authors.OrderBy(x => x.Position).Select(x => x.Author.Name).ToList(),
                Rubrics = a.Rubrics.OrderBy(x => x.Rubric.Position).Select(x => x.Rubric.Name).ToList(),
            })
            .ToListAsync(r.Aborted);

        var site = r.Site;
        var publication = site.Settings.PublicationName;
        return FeedXml.Document(FeedXml.Rss, w =>
        {
            w.WriteStartElement("rss");
            w.WriteAttributeString("version", "2.0");
            w.WriteAttributeString("xmlns", "content", null, ContentNs);
            w.WriteAttributeString("xmlns", "dc", null, RssItem.DcNs);
            w.WriteAttributeString("xmlns", "media", null, MediaNs);
            w.WriteAttributeString("xmlns", "yandex", null, YandexNs);
            w.WriteAttributeString("xmlns", "atom", null, AtomNs);
            w.WriteStartElement("channel");
            w.Element("title", publication);
            w.Element("link", r.Origin + "/");
            w.Element("description", site.Settings.Tagline is { Length: > 0 } tagline ? tagline : publication);
            w.Element("language", site.Settings.Language);
            w.Element("lastBuildDate", FeedTime.Rfc822(articles.Count == 0 ? r.Now : articles.Max(a => FeedTime.LastChange(a.PublishedAt, a.UpdatedAt))));
            w.WriteStartElement("atom", "link", AtomNs);
            w.WriteAttributeString("href", r.SelfUrl);
            w.WriteAttributeString("rel", "self");
            w.WriteAttributeString("type", "application/rss+xml");
            w.WriteEndElement();
            foreach (var a in articles)
            {
                var text = FullText.Of(a.BodyHtml, a.CoverImage, a.CoverCaption, r.Origin, r.Options);
                new RssItem(r.Origin + ArticleUrl.For(site, a.PublishedAt, a.Slug), a.Title, a.PublishedAt, a.Lead, a.Byline)
                {
                    Categories = a.Rubrics.Select(name => (name, (string?)null)),
                    Enclosures = text.Images.Select(i => i.Enclosure).DistinctBy(e => e.Url),
                }.Write(w, more =>
                {
                    more.Element("rating", MediaNs, "nonadult");
                    more.WriteStartElement("content", "encoded", ContentNs);
                    more.WriteCData(FeedXml.Clean(text.Html).Replace("]]>", "]]&gt;", StringComparison.Ordinal));
                    more.WriteEndElement();
                    more.Element("full-text", YandexNs, text.PlainText);
                });
            }
            w.WriteEndElement();
            w.WriteEndElement();
        });
    }

    /// <summary>What readers may see, and, for a channel that takes only chosen articles, the ones the newsroom marked for it.</summary>
    public static IQueryable<Article> ArticlesFor(BroadsheetDb db, Channel channel, DateTime now)
    {
        var visible = db.Articles.AsNoTracking().VisibleAt(now);
        return channel.ChosenArticlesOnly
            ? visible.Where(a => db.ArticleChannels.Any(x => x.ChannelId == channel.Id && x.ArticleId == a.Id))
            : visible;
    }
}
