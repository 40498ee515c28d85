using AngleSharp.Html.Parser;
using Broadsheet.Features.Feeds;
using Broadsheet.Infrastructure;

namespace Broadsheet.Features.Channels;

/// <summary>
/// An article's stored body as an aggregator takes it: every link and image address absolute
/// (the feed is read far from the site), the cover as a figure with its caption ahead of the text,
/// the images listed for enclosures, and the same text without markup for yandex:full-text.
/// </summary>
public sealed record FullText(string Html, string PlainText, List<FullTextImage> Images)
{
    private static readonly HtmlParser Parser = new();

    public static FullText Of(string bodyHtml, string? cover, string? coverCaption, string origin, BroadsheetOptions options)
    {
        var document = Parser.ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var body = document.Body!;
        var images = new List<FullTextImage>();
        if (cover is not null)
        {
            var figure = document.CreateElement("figure");
            var img = document.CreateElement("img");
            img.SetAttribute("src", cover);
            img.SetAttribute("alt", coverCaption ?? "");
            figure.AppendChild(img);
            if (coverCaption is { Length: > 0 })
            {
                var caption = document.CreateElement("figcaption");
                caption.TextContent = coverCaption;
                figure.AppendChild(caption);
            }
            body.AppendChild(figure);
        }
        foreach (var node in Parser.ParseFragment(bodyHtml, body).ToList()) body.AppendChild(node);

        foreach (var a in body.QuerySelectorAll("a[href^='/']")) a.SetAttribute("href", origin + a.GetAttribute("href"));
        foreach (var img in body.QuerySelectorAll("img[src]"))
        {
            var src = img.GetAttribute("src")!;
            var enclosure = Enclosure.For(src, origin, options);
            img.SetAttribute("src", enclosure.Url);
            img.RemoveAttribute("loading");
            var caption = img.Closest("figure")?.QuerySelector("figcaption")?.TextContent.Trim() ?? img.GetAttribute("alt") ?? "";
            images.Add(new FullTextImage(enclosure, caption));
        }
        var plain = string.Join("\n\n", body.Children.Where(e => e.LocalName != "figure")
            .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));
        return new FullText(body.InnerHtml, plain, images);
    }
}

public sealed record FullTextImage(Enclosure Enclosure, string Caption);
