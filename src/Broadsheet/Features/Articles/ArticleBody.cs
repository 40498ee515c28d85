using Ganss.Xss;
using Markdig;
using Markdig.Syntax;

namespace Broadsheet.Features.Articles;

/// <summary>
/// Turns the newsroom's Markdown into the HTML readers get. The newsroom preview calls this too,
/// so what an editor sees is what goes out. Staff Markdown may carry raw HTML, which is
/// sanitized like any other HTML from a person.
/// </summary>
public sealed class ArticleBody(Site.SiteSettingsStore? settings = null)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseFigures()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseSmartyPants()
        .Use<Embeds.EmbedBlocks>()
        .Use<DataBlocks.DataBlocks>()
        // Source positions let a reader's typo report be traced back to the Markdown it came from.
        .UsePreciseSourceLocation()
        .Build();

    /// <summary>The syntax tree the page is rendered from, with precise source positions.</summary>
    public static Markdig.Syntax.MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown ?? "", Pipeline);

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    /// <param name="altTexts">
    /// The media library's alt text by picture path: a picture written without one (<c>![](/media/…)</c>)
    /// gets the library's, so describing a photo once serves every article that uses it.
    /// </param>
    /// <param name="site">Whose language data blocks write figures and words in; the site's settings when not given.</param>
    /// <param name="preview">
    /// The newsroom's preview: a data block that cannot be read shows a notice saying why (readers get its text as typed).
    /// </param>
    public string Render(string markdown, IReadOnlyDictionary<string, string>? altTexts = null, Site.SiteContext? site = null, bool preview = false)
    {
        var document = Parse(markdown);
        if (altTexts is { Count: > 0 })
            foreach (var image in document.Descendants<Markdig.Syntax.Inlines.LinkInline>().ToList())
                if (image is { IsImage: true, FirstChild: null, Url: { } url } && altTexts.TryGetValue(url, out var alt) && alt.Length > 0)
                    image.AppendChild(new Markdig.Syntax.Inlines.LiteralInline(alt));
        var russian = (site ?? settings?.Current)?.IsRussian ?? false;
        var figures = DataBlocks.DataBlocks.Prepare(document, DataBlocks.DataBlockText.For(russian), preview);
        var html = Markdown.ToHtml(document, Pipeline);
        string clean;
        lock (sanitizer) clean = sanitizer.Sanitize(html);
        return DataBlocks.DataBlocks.Fill(clean, figures);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedTags.Add("figure");
        s.AllowedTags.Add("figcaption");
        s.AllowedAttributes.Add("loading");
        // HtmlSanitizer drops every class unless "class" itself is allowed; the list below then says which
        // classes stay. Without it the embeds' placeholders and figures lost their classes.
        s.AllowedAttributes.Add("class");
        s.AllowedSchemes.Add("mailto");
        s.AllowedClasses.Add("figure");
        foreach (var name in (string[])["embed", "embed__source", "embed__link"]) s.AllowedClasses.Add(name);
        s.AllowedAttributes.Add("data-embed");
        s.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "img" } img) img.SetAttribute("loading", "lazy");
            // Raw HTML may write an embed's figure too, but may frame only the hosts the CSP lets in.
            if (e.Node is AngleSharp.Dom.IElement embed && embed.HasAttribute("data-embed") && !Embeds.Embed.IsFrame(embed.GetAttribute("data-embed")))
                embed.RemoveAttribute("data-embed");
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } a
                && a.GetAttribute("href") is { } href && href.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                a.SetAttribute("rel", "noopener");
        };
        return s;
    }
}
