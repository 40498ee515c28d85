using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Broadsheet.Features.Articles.Embeds;

namespace Broadsheet.Features.Import;

/// <summary>
/// A WordPress post's HTML (block editor or classic, shortcodes and all) as the Markdown the newsroom
/// writes: paragraphs, headings, lists, quotes, links, emphasis, figures with captions (<c>^^^</c>) and
/// embeds as a bare link on a line of its own. What has no Markdown form is kept as HTML (the article's
/// renderer sanitizes it) and named in <see cref="Notes"/>, so the report can list it.
/// </summary>
/// <param name="picture">The new address of a picture of the old site, or null when it was not imported.</param>
/// <param name="siteLink">The old site's address: links into it become site-relative, so its redirects take readers on.</param>
public sealed partial class PostMarkdown(Func<string, string?> picture, string siteLink)
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Shortcodes with a Markdown form; any other is kept as text and reported.</summary>
    private static readonly HashSet<string> Understood = ["caption", "wp_caption", "embed"];

    public List<string> Notes { get; } = [];

    public string Convert(string html)
    {
        html = Shortcodes(html ?? "");
        if (!html.Contains("<!-- wp:", StringComparison.Ordinal)) html = AutoParagraphs(html);
        var document = Parser.ParseDocument($"<body>{html}</body>");
        var sb = new StringBuilder();
        Blocks(document.Body!.ChildNodes, sb, "");
        return Tidy().Replace(sb.ToString(), "\n\n").Trim() + "\n";
    }

    private string Shortcodes(string html)
    {
        html = Caption().Replace(html, m =>
            $"<figure>{m.Groups["image"].Value}<figcaption>{m.Groups["text"].Value.Trim()}</figcaption></figure>");
        html = EmbedCode().Replace(html, m => $"\n\n<p>{m.Groups[1].Value.Trim()}</p>\n\n");
        foreach (Match m in AnyShortcode().Matches(html))
            if (!Understood.Contains(m.Groups[1].Value)) Notes.Add($"shortcode [{m.Groups[1].Value}] kept as text");
        return html;
    }

    /// <summary>WordPress's wpautop: a classic post's blank lines are its paragraphs.</summary>
    private static string AutoParagraphs(string html)
    {
        var sb = new StringBuilder();
        foreach (var chunk in BlankLines().Split(html.Replace("\r\n", "\n")))
        {
            var text = chunk.Trim();
            if (text.Length == 0) continue;
            sb.Append(BlockStart().IsMatch(text) ? text : $"<p>{text.Replace("\n", "<br>\n")}</p>").Append('\n');
        }
        return sb.ToString();
    }

    private void Blocks(INodeList nodes, StringBuilder sb, string indent)
    {
        var loose = new StringBuilder();
        void FlushLoose()
        {
            var text = loose.ToString().Trim();
            loose.Clear();
            if (text.Length > 0) sb.Append(text).Append("\n\n");
        }
        foreach (var node in nodes)
        {
            if (node is IElement element && IsBlock(element))
            {
                FlushLoose();
                Block(element, sb, indent);
            }
            else if (node is IElement or IText) Inline(node, loose);
        }
        FlushLoose();
    }

    private static bool IsBlock(IElement e) => e.LocalName is "p" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "ul" or "ol"
        or "blockquote" or "figure" or "div" or "hr" or "pre" or "table" or "iframe" or "script" or "style" or "section"
        or "dl" or "form" or "object" or "video" or "audio";

    private void Block(IElement e, StringBuilder sb, string indent)
    {
        switch (e.LocalName)
        {
            case "p":
                var only = e.TextContent.Trim();
                if (e.Children.Length == 0 && Embed.Of(only) is not null) { sb.Append(only).Append("\n\n"); break; }
                if (e.Children is [{ LocalName: "img" } lone] && e.TextContent.Trim().Length == 0) { Figure(lone, null, sb); break; }
                var text = InlineText(e.ChildNodes).Trim();
                if (text.Length > 0) sb.Append(text).Append("\n\n");
                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                sb.Append(new string('#', e.LocalName[1] - '0')).Append(' ').Append(InlineText(e.ChildNodes).Trim()).Append("\n\n");
                break;
            case "ul" or "ol":
                List(e, sb, indent);
                sb.Append('\n');
                break;
            case "blockquote":
                foreach (var cite in e.Children.Where(c => c.LocalName == "cite").ToList()) cite.TextContent = "— " + cite.TextContent.Trim();
                var inner = new StringBuilder();
                Blocks(e.ChildNodes, inner, "");
                foreach (var line in inner.ToString().Trim().Split('\n')) sb.Append(line.Length == 0 ? ">" : "> " + line).Append('\n');
                sb.Append('\n');
                break;
            case "figure":
                FigureBlock(e, sb);
                break;
            case "div" or "section":
                Blocks(e.ChildNodes, sb, indent);
                break;
            case "hr":
                sb.Append("***\n\n");
                break;
            case "pre":
                sb.Append("```\n").Append(e.TextContent.TrimEnd()).Append("\n```\n\n");
                break;
            case "iframe":
                if (Watchable(e.GetAttribute("src")) is { } url) sb.Append(url).Append("\n\n");
                else Keep(e, sb);
                break;
            case "script" or "style":
                Notes.Add($"<{e.LocalName}> removed");
                break;
            default:
                Keep(e, sb);
                break;
        }
    }

    /// <summary>Kept as HTML: the article renderer's sanitizer decides what of it readers get.</summary>
    private void Keep(IElement e, StringBuilder sb)
    {
        Notes.Add($"<{e.LocalName}> kept as HTML");
        foreach (var img in e.QuerySelectorAll("img")) if (img.GetAttribute("src") is { } src) img.SetAttribute("src", Picture(src));
        sb.Append(e.OuterHtml.Trim()).Append("\n\n");
    }

    private void List(IElement list, StringBuilder sb, string indent)
    {
        var n = 1;
        foreach (var item in list.Children.Where(c => c.LocalName == "li"))
        {
            var marker = list.LocalName == "ol" ? $"{n++}. " : "- ";
            var text = InlineText(item.ChildNodes.Where(c => c is not IElement { LocalName: "ul" or "ol" })).Trim();
            sb.Append(indent).Append(marker).Append(text.Replace("\n", "\n" + indent + new string(' ', marker.Length))).Append('\n');
            foreach (var sub in item.Children.Where(c => c.LocalName is "ul" or "ol")) List(sub, sb, indent + new string(' ', marker.Length));
        }
    }

    private void FigureBlock(IElement figure, StringBuilder sb)
    {
        if (figure.ClassList.Contains("wp-block-embed") || figure.QuerySelector(".wp-block-embed__wrapper") is not null)
        {
            var url = figure.QuerySelector(".wp-block-embed__wrapper")?.TextContent.Trim() ?? "";
            if (Embed.Of(url) is not null || Uri.IsWellFormedUriString(url, UriKind.Absolute)) { sb.Append(url).Append("\n\n"); return; }
        }
        if (figure.QuerySelector("img") is { } img)
        {
            var caption = figure.QuerySelector("figcaption");
            Figure(img, caption is null ? null : InlineText(caption.ChildNodes).Trim(), sb);
            return;
        }
        if (figure.QuerySelector("blockquote") is { } quote) { Block(quote, sb, ""); return; }
        Keep(figure, sb);
    }

    private void Figure(IElement img, string? caption, StringBuilder sb)
    {
        var image = $"![{Escape(img.GetAttribute("alt") ?? "")}]({Picture(img.GetAttribute("src") ?? "")})";
        if (string.IsNullOrWhiteSpace(caption)) sb.Append(image).Append("\n\n");
        else sb.Append("^^^\n").Append(image).Append("\n^^^ ").Append(caption.Replace('\n', ' ')).Append("\n\n");
    }

    private string Picture(string src)
    {
        if (picture(src) is { } moved) return moved;
        if (src.StartsWith(siteLink + "/wp-content/uploads/", StringComparison.OrdinalIgnoreCase))
            Notes.Add($"picture not among the imported media, left pointing at the old site: {src}");
        return src;
    }

    private string InlineText(IEnumerable<INode> nodes)
    {
        var sb = new StringBuilder();
        foreach (var node in nodes) Inline(node, sb);
        return sb.ToString();
    }

    private void Inline(INode node, StringBuilder sb)
    {
        if (node is IText text) { sb.Append(Escape(Whitespace().Replace(text.Data, " "))); return; }
        if (node is not IElement e) return;
        var inner = e.LocalName is "img" or "br" ? "" : InlineText(e.ChildNodes);
        switch (e.LocalName)
        {
            case "strong" or "b": Wrap(sb, "**", inner); break;
            case "em" or "i": Wrap(sb, "*", inner); break;
            case "s" or "del" or "strike": Wrap(sb, "~~", inner); break;
            case "code": sb.Append('`').Append(e.TextContent).Append('`'); break;
            case "br": sb.Append("\\\n"); break;
            case "img": sb.Append(CultureInfo.InvariantCulture, $"![{Escape(e.GetAttribute("alt") ?? "")}]({Picture(e.GetAttribute("src") ?? "")})"); break;
            case "a":
                var href = Link(e.GetAttribute("href") ?? "");
                if (e.Children is [{ LocalName: "img" }] && e.TextContent.Trim().Length == 0) { sb.Append(inner); break; }
                sb.Append(href.Length == 0 ? inner : $"[{inner.Trim()}]({href.Replace(" ", "%20").Replace(")", "%29")})");
                break;
            default: sb.Append(inner); break;
        }
    }

    private static void Wrap(StringBuilder sb, string mark, string inner)
    {
        if (inner.Trim().Length == 0) { sb.Append(inner); return; }
        // Emphasis may not open or close on a space in Markdown: the spaces go outside the marks.
        var lead = inner.Length - inner.TrimStart().Length;
        var trail = inner.Length - inner.TrimEnd().Length;
        sb.Append(inner[..lead]).Append(mark).Append(inner.Trim()).Append(mark).Append(inner[(inner.Length - trail)..]);
    }

    private string Link(string href)
    {
        if (siteLink.Length > 0 && href.StartsWith(siteLink, StringComparison.OrdinalIgnoreCase))
        {
            if (picture(href) is { } moved) return moved;
            var rest = href[siteLink.Length..];
            return rest.StartsWith('/') ? rest : "/" + rest;
        }
        return href;
    }

    /// <summary>A player's frame address as the page address the editor pastes (YouTube, Vimeo), or null.</summary>
    private static string? Watchable(string? src)
    {
        if (src is null) return null;
        if (YouTubeFrame().Match(src) is { Success: true } y) return $"https://www.youtube.com/watch?v={y.Groups[1].Value}";
        if (VimeoFrame().Match(src) is { Success: true } v) return $"https://vimeo.com/{v.Groups[1].Value}";
        return Embed.Of(src) is not null ? src : null;
    }

    private static string Escape(string text) => MarkdownSpecial().Replace(text, @"\$0");

    [GeneratedRegex(@"\[(?:wp_)?caption[^\]]*\](?<image>.*?<img[^>]*>(?:\s*</a>)?)(?<text>.*?)\[/(?:wp_)?caption\]", RegexOptions.Singleline)]
    private static partial Regex Caption();

    [GeneratedRegex(@"\[embed[^\]]*\](.*?)\[/embed\]", RegexOptions.Singleline)]
    private static partial Regex EmbedCode();

    [GeneratedRegex(@"\[([a-z][a-z0-9_-]*)(?:\s[^\]]*)?\]")]
    private static partial Regex AnyShortcode();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"^<(?:p|h[1-6]|ul|ol|blockquote|figure|div|hr|pre|table|iframe|script|style|section|dl|form)[\s>/]", RegexOptions.IgnoreCase)]
    private static partial Regex BlockStart();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex Tidy();

    // Not \s: a non-breaking space (1&nbsp;204) is meant.
    [GeneratedRegex(@"[ \t\r\n]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[\\`*_\[\]<]")]
    private static partial Regex MarkdownSpecial();

    [GeneratedRegex(@"youtube(?:-nocookie)?\.com/embed/([A-Za-z0-9_-]{6,})")]
    private static partial Regex YouTubeFrame();

    [GeneratedRegex(@"player\.vimeo\.com/video/(\d+)")]
    private static partial Regex VimeoFrame();
}
