using System.Xml;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure;

namespace Broadsheet.Features.Feeds;

/// <summary>Atom 1.0 (RFC 4287). Ids are the pages' permanent addresses, as in the RSS guid.</summary>
public static class AtomDocument
{
    private const string Ns = "http://www.w3.org/2005/Atom";

    public static void Write(XmlWriter w, FeedChannel channel, SiteContext site, BroadsheetOptions options)
    {
        w.WriteStartElement("feed", Ns);
        w.WriteAttributeString("xml", "lang", null, channel.Language);
        w.Element("id", Ns, channel.PageUrl);
        w.Element("title", Ns, channel.Title);
        w.Element("subtitle", Ns, channel.Description);
        w.Element("updated", Ns, FeedTime.Rfc3339(channel.Updated));
        Link(w, "self", channel.SelfUrl, "application/atom+xml");
        Link(w, "alternate", channel.PageUrl, "text/html");
        // A feed-level author makes every entry valid, including one with no byline.
        w.WriteStartElement("author", Ns);
        w.Element("name", Ns, channel.PublicationName);
        w.Element("uri", Ns, channel.Origin + "/");
        w.WriteEndElement();
        w.Element("generator", Ns, "Broadsheet");

        foreach (var entry in channel.Entries)
        {
            var link = channel.Origin + ArticleUrl.For(site, entry.PublishedAt, entry.Slug);
            w.WriteStartElement("entry", Ns);
            w.Element("id", Ns, link);
            w.Element("title", Ns, entry.Title);
            Link(w, "alternate", link, "text/html");
            w.Element("published", Ns, FeedTime.Rfc3339(entry.PublishedAt));
            w.Element("updated", Ns, FeedTime.Rfc3339(entry.LastChange));
            foreach (var name in entry.Byline)
            {
                w.WriteStartElement("author", Ns);
                w.Element("name", Ns, name);
                w.WriteEndElement();
            }
            Categories(w, entry.Rubrics, channel.Origin + "/rubric/");
            Categories(w, entry.Tags, channel.Origin + "/tag/");
            if (entry.Lead.Length > 0)
            {
                w.WriteStartElement("summary", Ns);
                w.WriteAttributeString("type", "text");
                w.WriteString(FeedXml.Clean(entry.Lead));
                w.WriteEndElement();
            }
            if (entry.CoverImage is { } cover)
            {
                var enclosure = Enclosure.For(cover, channel.Origin, options);
                Link(w, "enclosure", enclosure.Url, enclosure.MediaType, enclosure.Length);
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Link(XmlWriter w, string rel, string href, string type, long length = 0)
    {
        w.WriteStartElement("link", Ns);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        if (length > 0) w.WriteAttributeString("length", length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteEndElement();
    }

    private static void Categories(XmlWriter w, List<FeedCategory> categories, string scheme)
    {
        foreach (var category in categories)
        {
            w.WriteStartElement("category", Ns);
            w.WriteAttributeString("term", category.Slug);
            w.WriteAttributeString("scheme", scheme);
            w.WriteAttributeString("label", FeedXml.Clean(category.Name));
            w.WriteEndElement();
        }
    }
}
