using System.Xml;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure;

namespace Broadsheet.Features.Feeds;

/// <summary>RSS 2.0, with dc:creator for bylines (RSS's own author element wants an e-mail address).</summary>
public static class RssDocument
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";

    public static void Write(XmlWriter w, FeedChannel channel, SiteContext site, BroadsheetOptions options)
    {
        w.WriteStartElement("rss");
        w.WriteAttributeString("version", "2.0");
        w.WriteAttributeString("xmlns", "atom", null, AtomNs);
        w.WriteAttributeString("xmlns", "dc", null, DcNs);
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
            var link = channel.Origin + ArticleUrl.For(site, entry.PublishedAt, entry.Slug);
            w.WriteStartElement("item");
            w.Element("title", entry.Title);
            w.Element("link", link);
            w.WriteStartElement("guid");
            w.WriteAttributeString("isPermaLink", "true");
            w.WriteString(link);
            w.WriteEndElement();
            w.Element("pubDate", FeedTime.Rfc822(entry.PublishedAt));
            if (entry.Lead.Length > 0) w.Element("description", entry.Lead);
            foreach (var name in entry.Byline) w.Element("creator", DcNs, name);
            Categories(w, entry.Rubrics, channel.Origin + "/rubric");
            Categories(w, entry.Tags, channel.Origin + "/tag");
            if (entry.CoverImage is { } cover)
            {
                var enclosure = Enclosure.For(cover, channel.Origin, options);
                w.WriteStartElement("enclosure");
                w.WriteAttributeString("url", enclosure.Url);
                w.WriteAttributeString("length", enclosure.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteAttributeString("type", enclosure.MediaType);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Categories(XmlWriter w, List<FeedCategory> categories, string domain)
    {
        foreach (var category in categories)
        {
            w.WriteStartElement("category");
            w.WriteAttributeString("domain", domain);
            w.WriteString(FeedXml.Clean(category.Name));
            w.WriteEndElement();
        }
    }
}
