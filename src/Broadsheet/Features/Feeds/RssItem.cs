using System.Globalization;
using System.Xml;
using Broadsheet.Features.Site;

namespace Broadsheet.Features.Feeds;

/// <summary>
/// One article as an RSS 2.0 item, the same in the site's feeds and the full-content channel feeds: the
/// permalink as guid, the lead as description, dc:creator for each name in the byline (RSS's own author
/// element wants an e-mail address), categories and enclosures. A channel adds its own elements after these.
/// </summary>
public sealed record RssItem(string Link, string Title, DateTime PublishedAt, string Lead, IEnumerable<string> Byline)
{
    public const string DcNs = "http://purl.org/dc/elements/1.1/";

    /// <summary>Names, each with the domain it comes from where the feed says so.</summary>
    public IEnumerable<(string Name, string? Domain)> Categories { get; init; } = [];
    public IEnumerable<Enclosure> Enclosures { get; init; } = [];

    public void Write(XmlWriter w, Action<XmlWriter>? more = null)
    {
        w.WriteStartElement("item");
        w.Element("title", Title);
        w.Element("link", Link);
        w.WriteStartElement("guid");
        w.WriteAttributeString("isPermaLink", "true");
        w.WriteString(Link);
        w.WriteEndElement();
        w.Element("pubDate", FeedTime.Rfc822(PublishedAt));
        if (Lead.Length > 0) w.Element("description", Lead);
        foreach (var name in Byline) w.Element("creator", DcNs, name);
        foreach (var (name, domain) in Categories)
        {
            w.WriteStartElement("category");
            if (domain is not null) w.WriteAttributeString("domain", domain);
            w.WriteString(FeedXml.Clean(name));
            w.WriteEndElement();
        }
        foreach (var enclosure in Enclosures)
        {
            w.WriteStartElement("enclosure");
            w.WriteAttributeString("url", enclosure.Url);
            w.WriteAttributeString("length", enclosure.Length.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("type", enclosure.MediaType);
            w.WriteEndElement();
        }
        more?.Invoke(w);
        w.WriteEndElement();
    }
}
