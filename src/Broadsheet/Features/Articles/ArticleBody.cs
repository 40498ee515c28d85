using Ganss.Xss;
using Markdig;

namespace Broadsheet.Features.Articles;

/// <summary>
/// Turns the newsroom's Markdown into the HTML readers get. The newsroom preview calls this too,
/// so what an editor sees is what goes out. Staff Markdown may carry raw HTML, which is
/// sanitized like any other HTML from a person.
/// </summary>
public sealed class ArticleBody
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseFigures()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseSmartyPants()
        // Source positions let a reader's typo report be traced back to the Markdown it came from.
        .UsePreciseSourceLocation()
        .Build();

    /// <summary>The syntax tree the page is rendered from, with precise source positions.</summary>
    public static Markdig.Syntax.MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown ?? "", Pipeline);

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public string Render(string markdown)
    {
        var html = Markdown.ToHtml(markdown ?? "", Pipeline);
        lock (sanitizer) return sanitizer.Sanitize(html);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedTags.Add("figure");
        s.AllowedTags.Add("figcaption");
        s.AllowedAttributes.Add("loading");
        s.AllowedSchemes.Add("mailto");
        s.AllowedClasses.Add("figure");
        s.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "img" } img) img.SetAttribute("loading", "lazy");
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } a
                && a.GetAttribute("href") is { } href && href.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                a.SetAttribute("rel", "noopener");
        };
        return s;
    }
}
