using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Broadsheet.Features.Feeds;

/// <summary>How every feed and sitemap is written: XmlWriter into memory, UTF-8, served with its own media type.</summary>
public static class FeedXml
{
    public const string Rss = "application/rss+xml; charset=utf-8";
    public const string Atom = "application/atom+xml; charset=utf-8";
    public const string Xml = "application/xml; charset=utf-8";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
    };

    /// <summary>
    /// Written to memory first: the documents are small (a thousand sitemap URLs are about 150 KB),
    /// the output cache keeps the bytes anyway, and a failure midway still becomes a clean 500.
    /// </summary>
    public static FileContentHttpResult Document(string contentType, Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }
        return TypedResults.Bytes(buffer.ToArray(), contentType);
    }

    /// <summary>
    /// Written to the response a chunk at a time (<paramref name="write"/> calls the flush it is given every few hundred
    /// entries): a sitemap of 50,000 URLs is about 7 MB, which need not be held whole a second time beside the output
    /// cache's copy. A failure midway cuts the response short instead of answering 500.
    /// </summary>
    public static IResult Streamed(string contentType, Func<XmlWriter, Func<Task>, Task> write, CancellationToken ct) =>
        TypedResults.Stream(async body =>
        {
            using var chunk = new MemoryStream();
            async Task DrainAsync()
            {
                chunk.Position = 0;
                await chunk.CopyToAsync(body, ct);
                chunk.SetLength(0);
            }
            using (var writer = XmlWriter.Create(chunk, Settings))
            {
                writer.WriteStartDocument();
                await write(writer, async () => { writer.Flush(); await DrainAsync(); });
                writer.WriteEndDocument();
            }
            await DrainAsync();
        }, contentType);

    /// <summary>Writes text with the characters XML 1.0 cannot carry removed; XmlWriter escapes the rest.</summary>
    public static void Element(this XmlWriter writer, string name, string? ns, string text) =>
        writer.WriteElementString(name, ns, Clean(text));

    public static void Element(this XmlWriter writer, string name, string text) => writer.Element(name, null, text);

    /// <summary>
    /// A control character pasted into a headline would make XmlWriter throw and the feed answer 500
    /// until someone edits the article; dropping it costs the reader nothing.
    /// </summary>
    public static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c)) sb.Append(c);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c)) sb.Append(c).Append(text[++i]);
        }
        return sb.ToString();
    }
}
