using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Broadsheet.Features.Articles.Embeds;

/// <summary>
/// A paragraph that is nothing but a link to a post or video (<see cref="Embed.Of"/>) becomes a
/// placeholder: a box naming the source, with the link. Without script that is all a reader gets;
/// article.js adds the button that opens the frame.
/// </summary>
public sealed class EmbedBlocks : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Replace;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<Renderer>()) html.ObjectRenderers.Insert(0, new Renderer());
    }

    private static void Replace(MarkdownDocument document)
    {
        foreach (var paragraph in document.Descendants<ParagraphBlock>().ToList())
        {
            if (paragraph.Inline?.FirstChild is not { } only || only.NextSibling is not null) continue;
            var url = only switch
            {
                LinkInline { IsAutoLink: true, IsImage: false } link => link.Url,
                AutolinkInline { IsEmail: false } auto => auto.Url,
                _ => null,
            };
            if (Embed.Of(url) is not { } embed || paragraph.Parent is not { } parent) continue;
            var at = parent.IndexOf(paragraph);
            parent.RemoveAt(at);
            parent.Insert(at, new EmbedBlock(embed) { Span = paragraph.Span, Line = paragraph.Line, Column = paragraph.Column });
        }
    }

    public sealed class EmbedBlock(Embed embed) : LeafBlock(null)
    {
        public Embed Embed { get; } = embed;
    }

    private sealed class Renderer : HtmlObjectRenderer<EmbedBlock>
    {
        protected override void Write(HtmlRenderer renderer, EmbedBlock block)
        {
            var e = block.Embed;
            var shown = e.Url[(e.Url.IndexOf("//", StringComparison.Ordinal) + 2)..];
            renderer.EnsureLine();
            renderer.Write("<figure class=\"embed\" data-embed=\"").WriteEscape(e.Frame).Write("\">")
                .Write("<figcaption class=\"embed__source\">").WriteEscape(e.Source).Write("</figcaption>")
                .Write("<a class=\"embed__link\" href=\"").WriteEscapeUrl(e.Url).Write("\">").WriteEscape(shown).Write("</a>")
                .WriteLine("</figure>");
        }
    }
}
