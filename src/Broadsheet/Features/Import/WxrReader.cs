using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Broadsheet.Features.Import;

/// <summary>
/// Reads a WordPress export one entry at a time: only the entry being read is in memory, so a 2 GB archive
/// costs what its largest post costs. A DTD is refused outright: WordPress never writes one, and it is how
/// entity-expansion attacks ("billion laughs") and external-entity reads get in.
/// </summary>
public sealed class WxrReader(Stream source)
{
    private static readonly XNamespace Wp = "http://wordpress.org/export/1.2/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace ExcerptNs = "http://wordpress.org/export/1.2/excerpt/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public static XmlReaderSettings Settings => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
        Async = false,
    };

    private bool sawWxr;

    /// <summary>
    /// Posts and pages are read only far enough to see their type and come out as <see cref="WxrPassed"/>: the
    /// import's first pass wants people, sections and pictures, and building a post (its hash, its comments) costs
    /// most of the reading.
    /// </summary>
    public bool AttachmentsOnly { get; init; }

    /// <summary>The old site's title, address and language, as far as the reader has come.</summary>
    public WxrSite Site { get; private set; } = new("", "", "");

    /// <summary>Throws <see cref="WxrException"/> with a reader's explanation when the file is not a readable export.</summary>
    public IEnumerable<WxrEntry> Read()
    {
        using var reader = XmlReader.Create(source, Settings);
        if (Guard(() => reader.MoveToContent()) != XmlNodeType.Element)
            throw new WxrException("The file is empty or holds no XML element.");
        if (reader.LocalName != "rss")
            throw new WxrException($"This is not a WordPress export: its root element is <{reader.Name}>, not <rss>. Export from WordPress with Tools → Export.");
        var moved = Guard(reader.Read);
        while (moved)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 2)
            {
                // Each entry is read past its end, so the reader already stands on what follows.
                if (Guard(() => ReadEntry(reader)) is { } entry) yield return entry;
                moved = !reader.EOF;
                continue;
            }
            moved = Guard(reader.Read);
        }
        if (!sawWxr) throw NotAnExport();
    }

    private static WxrException NotAnExport() =>
        new("This is an RSS feed, not a WordPress export: it has no wp:wxr_version. Export from WordPress with Tools → Export, not the site's feed.");

    private WxrEntry? ReadEntry(XmlReader reader)
    {
        var name = XName.Get(reader.LocalName, reader.NamespaceURI);
        if (name == Wp + "wxr_version") { sawWxr = true; reader.Skip(); return null; }
        if (name.NamespaceName == "" && name.LocalName is "title" or "link" or "language")
        {
            var text = reader.ReadElementContentAsString().Trim();
            Site = name.LocalName switch
            {
                "title" => Site with { Title = text },
                "link" => Site with { Link = text.TrimEnd('/') },
                _ => Site with { Language = text },
            };
            return null;
        }
        if (name != Wp + "author" && name != Wp + "category" && name != Wp + "tag" && name != XName.Get("item"))
        {
            reader.Skip();
            return null;
        }
        var element = (XElement)XNode.ReadFrom(reader);
        if (!sawWxr) throw NotAnExport();
        if (AttachmentsOnly && name.LocalName == "item" && Text(element, Wp + "post_type") != "attachment") return WxrPassed.Item;
        return name.LocalName switch
        {
            "author" => Author(element),
            "category" => Category(element),
            "tag" => Tag(element),
            _ => Post(element),
        };
    }

    private static T Guard<T>(Func<T> step)
    {
        try { return step(); }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new WxrException("The file declares a DTD. WordPress exports never do, and a DTD is how entity-expansion attacks "
                + "(\"billion laughs\") and external-entity reads work, so the file was refused unread.", e);
        }
        catch (XmlException e)
        {
            throw new WxrException($"The file is not well-formed XML at line {e.LineNumber}, column {e.LinePosition}: {e.Message} "
                + "Nothing after that point was read; export again from WordPress.", e);
        }
    }

    private static WxrAuthor Author(XElement e) => new(
        Long(e.Element(Wp + "author_id")), Text(e, Wp + "author_login"), Text(e, Wp + "author_email"),
        Text(e, Wp + "author_display_name"), Hash(e));

    private static WxrTerm Category(XElement e) => new(
        Long(e.Element(Wp + "term_id")), true, Text(e, Wp + "category_nicename"), Text(e, Wp + "cat_name"),
        Text(e, Wp + "category_parent"), Text(e, Wp + "category_description"), Hash(e));

    private static WxrTerm Tag(XElement e) => new(
        Long(e.Element(Wp + "term_id")), false, Text(e, Wp + "tag_slug"), Text(e, Wp + "tag_name"), "",
        Text(e, Wp + "tag_description"), Hash(e));

    private static WxrPost Post(XElement e)
    {
        var comments = e.Elements(Wp + "comment").ToList();
        foreach (var c in comments) c.Remove();
        return new WxrPost(Long(e.Element(Wp + "post_id")), Hash(e))
        {
            Type = Text(e, Wp + "post_type"),
            Status = Text(e, Wp + "status"),
            Title = Text(e, "title"),
            Link = Text(e, "link"),
            Creator = Text(e, Dc + "creator"),
            Content = Text(e, Content + "encoded"),
            Excerpt = Text(e, ExcerptNs + "encoded"),
            Name = Text(e, Wp + "post_name"),
            DateUtc = Utc(Date(Text(e, Wp + "post_date_gmt"))),
            DateLocal = Date(Text(e, Wp + "post_date")),
            CommentsOpen = Text(e, Wp + "comment_status") != "closed",
            AttachmentUrl = Text(e, Wp + "attachment_url"),
            Parent = Long(e.Element(Wp + "post_parent")),
            MenuOrder = (int)Math.Clamp(Long(e.Element(Wp + "menu_order")), 0, 10_000),
            Terms = [.. e.Elements("category").Select(c => ((string?)c.Attribute("domain") ?? "", (string?)c.Attribute("nicename") ?? "", c.Value))],
            Meta = [.. e.Elements(Wp + "postmeta").Select(m => (Text(m, Wp + "meta_key"), Text(m, Wp + "meta_value")))],
            Comments = [.. comments.Select(Comment)],
        };
    }

    private static WxrComment Comment(XElement e) => new(Long(e.Element(Wp + "comment_id")), Hash(e))
    {
        Author = Text(e, Wp + "comment_author"),
        Email = Text(e, Wp + "comment_author_email"),
        Address = Text(e, Wp + "comment_author_IP"),
        DateUtc = Utc(Date(Text(e, Wp + "comment_date_gmt"))),
        DateLocal = Date(Text(e, Wp + "comment_date")),
        Content = Text(e, Wp + "comment_content"),
        Approved = Text(e, Wp + "comment_approved"),
        Type = Text(e, Wp + "comment_type"),
        Parent = Long(e.Element(Wp + "comment_parent")),
    };

    private static string Text(XElement e, XName name) => e.Element(name)?.Value.Trim() ?? "";

    private static long Long(XElement? e) => long.TryParse(e?.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>WordPress writes "0000-00-00 00:00:00" for a date it never set.</summary>
    private static DateTime? Date(string text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year > 1
            ? d : null;

    // PostgreSQL stores only UTC-marked times; the GMT columns are UTC, the others stay unmarked (the site's zone reads them).
    private static DateTime? Utc(DateTime? d) => d is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : null;

    private static string Hash(XElement e) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(e.ToString(SaveOptions.DisableFormatting))))[..32];
}

/// <summary>The export cannot be read; the message says why in words an editor can act on.</summary>
public sealed class WxrException(string message, Exception? inner = null) : Exception(message, inner);
