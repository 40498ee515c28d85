using System.Xml;
using AngleSharp.Html.Parser;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Live;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Caching;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Feeds;

/// <summary>
/// One live article's entries as a feed of their own, one item per entry, newest first: the item's link and id are
/// the entry's permalink (the page's address with <c>#update-n</c>), so a feed reader shows each update once and an
/// edit as a change of that item (Atom's updated). Deleted entries leave the feed. The desk's eviction of the
/// article's page evicts this feed too.
/// </summary>
public static class LiveFeed
{
    public const int Size = 50;
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private static readonly HtmlParser Parser = new();

    public static async Task<Results<FileContentHttpResult, NotFound>> RenderAsync(FeedRequest r, int articleId, FeedFormat format)
    {
        var article = await r.Db.Articles.AsNoTracking().VisibleAt(r.Now)
            .Where(a => a.Id == articleId && a.Live != LiveState.None).FirstOrDefaultAsync(r.Aborted);
        if (article is null) return TypedResults.NotFound();
        r.Request.HttpContext.TagCachedPage(PageCache.ArticleTag(articleId));
        var entries = await r.Db.LiveEntries.AsNoTracking().Where(e => e.ArticleId == articleId && !e.IsDeleted)
            .OrderByDescending(e => e.PostedAt).ThenByDescending(e => e.Id).Take(Size).ToListAsync(r.Aborted);
        var page = r.Origin + ArticleUrl.For(r.Site, article.PublishedAt!.Value, article.Slug);
        var updated = entries.Count == 0 ? FeedTime.LastChange(article.PublishedAt.Value, article.UpdatedAt) : entries.Max(LastChange);
        var description = article.Lead.Length > 0 ? article.Lead : article.Title;
        return format == FeedFormat.Atom
            ? FeedXml.Document(FeedXml.Atom, w => WriteAtom(w, r, article, page, updated, entries))
            : FeedXml.Document(FeedXml.Rss, w => WriteRss(w, r, article, page, description, updated, entries));
    }

    private static void WriteRss(XmlWriter w, FeedRequest r, Article article, string page, string description, DateTime updated, List<LiveEntry> entries)
    {
        w.WriteStartElement("rss");
        w.WriteAttributeString("version", "2.0");
        w.WriteAttributeString("xmlns", "atom", null, AtomNs);
        w.WriteAttributeString("xmlns", "dc", null, RssItem.DcNs);
        w.WriteStartElement("channel");
        w.Element("title", article.Title);
        w.Element("link", page);
        w.Element("description", description);
        w.Element("language", r.Site.Settings.Language);
        w.Element("lastBuildDate", FeedTime.Rfc822(updated));
        w.Element("generator", "Broadsheet");
        w.WriteStartElement("atom", "link", AtomNs);
        w.WriteAttributeString("href", r.SelfUrl);
        w.WriteAttributeString("rel", "self");
        w.WriteAttributeString("type", "application/rss+xml");
        w.WriteEndElement();
        foreach (var entry in entries)
        {
            // The entry's HTML as the description (escaped, as RSS readers expect), its address made absolute.
            new RssItem(Permalink(page, entry), LiveEntryHtml.KeyEventTitle(entry), entry.PostedAt, Absolute(entry.BodyHtml, r.Origin), [entry.AuthorName])
            {
                Categories = entry.IsKeyEvent ? [(LiveText.For(r.Site).KeyEvent, null)] : [],
            }.Write(w);
        }
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteAtom(XmlWriter w, FeedRequest r, Article article, string page, DateTime updated, List<LiveEntry> entries)
    {
        w.WriteStartElement("feed", AtomNs);
        w.WriteAttributeString("xml", "lang", null, r.Site.Settings.Language);
        w.Element("id", AtomNs, page);
        w.Element("title", AtomNs, article.Title);
        if (article.Lead.Length > 0) w.Element("subtitle", AtomNs, article.Lead);
        w.Element("updated", AtomNs, FeedTime.Rfc3339(updated));
        Link(w, "self", r.SelfUrl, "application/atom+xml");
        Link(w, "alternate", page, "text/html");
        w.WriteStartElement("author", AtomNs);
        w.Element("name", AtomNs, r.Site.Settings.PublicationName);
        w.WriteEndElement();
        foreach (var entry in entries)
        {
            var link = Permalink(page, entry);
            w.WriteStartElement("entry", AtomNs);
            w.Element("id", AtomNs, link);
            w.Element("title", AtomNs, LiveEntryHtml.KeyEventTitle(entry));
            Link(w, "alternate", link, "text/html");
            w.Element("published", AtomNs, FeedTime.Rfc3339(entry.PostedAt));
            w.Element("updated", AtomNs, FeedTime.Rfc3339(LastChange(entry)));
            if (entry.AuthorName.Length > 0)
            {
                w.WriteStartElement("author", AtomNs);
                w.Element("name", AtomNs, entry.AuthorName);
                w.WriteEndElement();
            }
            w.WriteStartElement("content", AtomNs);
            w.WriteAttributeString("type", "html");
            w.WriteString(FeedXml.Clean(Absolute(entry.BodyHtml, r.Origin)));
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static string Permalink(string page, LiveEntry entry) => $"{page}#{LiveEntryHtml.Anchor(entry.Id)}";

    private static DateTime LastChange(LiveEntry entry) => FeedTime.LastChange(entry.PostedAt, entry.EditedAt);

    /// <summary>A feed is read far from the site: the entry's links and pictures need the site's address.</summary>
    private static string Absolute(string html, string origin)
    {
        var document = Parser.ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var body = document.Body!;
        foreach (var node in Parser.ParseFragment(html, body).ToList()) body.AppendChild(node);
        foreach (var a in body.QuerySelectorAll("a[href^='/']")) a.SetAttribute("href", origin + a.GetAttribute("href"));
        foreach (var img in body.QuerySelectorAll("img[src^='/']")) img.SetAttribute("src", origin + img.GetAttribute("src"));
        foreach (var img in body.QuerySelectorAll("img[srcset], source[srcset]")) img.RemoveAttribute("srcset");
        // A data block's chart is drawn for the site's stylesheet; feed readers strip or mangle inline SVG. Its table stays.
        foreach (var chart in body.QuerySelectorAll("svg").ToList()) chart.Remove();
        return body.InnerHtml;
    }

    private static void Link(XmlWriter w, string rel, string href, string type)
    {
        w.WriteStartElement("link", AtomNs);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }
}
