using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Newsroom.Articles;
using Broadsheet.Features.TypoReports;

namespace Broadsheet.Features.Newsroom.TypoReports;

/// <summary>
/// The article as the preview shows it, with the reported fragment in a &lt;mark&gt;: the occurrence
/// that its context points at, found in the same reader text the report was checked against.
/// </summary>
public static class FragmentMark
{
    public static ArticlePreview Preview(Article article, TypoReport report)
    {
        var title = Encode(article.Title);
        var lead = Encode(article.Lead);
        var caption = article.CoverImage is null ? null : Encode(article.CoverCaption ?? "");
        var body = article.BodyHtml;
        var marked = false;
        // The same regions, in the same order, as ReaderText.Regions.
        foreach (var region in new[] { "title", "lead", "caption", "body" })
        {
            var html = region switch { "title" => title, "lead" => lead, "caption" => caption, _ => body };
            if (html is null || Mark(html, report) is not { } withMark) continue;
            switch (region)
            {
                case "title": title = withMark; break;
                case "lead": lead = withMark; break;
                case "caption": caption = withMark; break;
                default: body = withMark; break;
            }
            marked = true;
            break;
        }
        return new ArticlePreview(title, lead, article.CoverImage, caption, body) { HasMark = marked };
    }

    /// <summary>The HTML with the fragment marked, or null when its context is not in it.</summary>
    public static string? Mark(string html, TypoReport report)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body><div>" + html + "</div></body></html>");
        var root = document.Body!.FirstElementChild!;
        // Each character of the normalised text, with the text node and offset it came from.
        var text = new StringBuilder();
        var origin = new List<(IText Node, int Offset)>();
        var pending = false;
        foreach (var node in root.Descendants<IText>())
        {
            for (var i = 0; i < node.Data.Length; i++)
            {
                if (ReaderText.IsWhitespace(node.Data[i])) { pending = true; continue; }
                if (pending && text.Length > 0) { text.Append(' '); origin.Add((node, i)); }
                pending = false;
                text.Append(node.Data[i]);
                origin.Add((node, i));
            }
        }
        var at = text.ToString().IndexOf(report.Before + report.Fragment + report.After, StringComparison.Ordinal);
        if (at < 0 || report.Fragment.Length == 0) return null;
        var start = at + report.Before.Length;
        var spans = origin.GetRange(start, report.Fragment.Length)
            .GroupBy(o => o.Node)
            .Select(g => (Node: g.Key, From: g.Min(o => o.Offset), To: g.Max(o => o.Offset) + 1))
            .ToList();
        // A fragment across formatting (a word half in bold) gets one mark per piece, so the markup stays well formed.
        foreach (var (node, from, to) in spans)
        {
            var middle = node.Split(from);
            middle.Split(to - from);
            var mark = document.CreateElement("mark");
            // The preview scrolls to the first piece with #reported.
            if (node == spans[0].Node) mark.Id = "reported";
            middle.Parent!.ReplaceChild(mark, middle);
            mark.AppendChild(middle);
        }
        return root.InnerHtml;
    }

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);
}
