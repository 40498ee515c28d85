using System.Xml;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure;

namespace Broadsheet.Features.Feeds;

/// <summary>RSS 2.0: the site's channel, each article written by <see cref="RssItem"/>.</summary>
public static class RssDocument
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";

    public static void Write(XmlWriter w, FeedChannel channel, SiteContext site, BroadsheetOptions options)
    {
        w.WriteStartElement("rss");
        w.WriteAttributeString("version", "2.0");
        w.WriteAttributeString("xmlns", "atom", null, AtomNs);
        w.WriteAttributeString("xmlns", "dc", null, RssItem.DcNs);
        w.WriteStartElement("channel");
        w.Element("title", channel.Title);
        w.Element("link", channel.PageUrl);
        w.Element("description", channel.Description);
        w.Element("language", channel.Language);
        w.Element("lastBuildDate", FeedTime.Rfc822(channel.Updated));
        w.Element("generator", "Broadsheet");
        w.WriteStartElement("atom", "link", AtomNs);
        w.WriteAttributeString("href", channel.SelfUrl);
        w.WriteAttributeString("rel", "self");
        w.WriteAttributeString("type", "application/rss+xml");
        w.WriteEndElement();

        foreach (var entry in channel.Entries)
        {
            new RssItem(channel.Origin + ArticleUrl.For(site, entry.PublishedAt, entry.Slug), entry.Title, entry.PublishedAt, entry.Lead, entry.Byline)
            {
                Categories = [
                    .. entry.Rubrics.Select(r => (r.Name, (string?)(channel.Origin + "/rubric"))),
                    .. entry.Tags.Select(t => (t.Name, (string?)(channel.Origin + "/tag")))],
                Enclosures = entry.CoverImage is { } cover ? [Enclosure.For(cover, channel.Origin, options)] : [],
            }.Write(w);
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }
}
