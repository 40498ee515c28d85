using System.Net;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Broadsheet.Features.Articles.DataBlocks;

/// <summary>
/// A fenced block whose info word is results, poll or chart (итоги, опрос, график) becomes a data block:
/// a table with a chart drawn from it (<see cref="DataFigure"/>). The sanitizer that cleans staff HTML
/// knows no SVG, so the figure is not passed through it: the block renders as a slot holding a random
/// token, and <see cref="Fill"/> puts the figure, built from escaped text only, into the sanitized page.
/// A token cannot be forged in raw HTML, being new on every render.
/// </summary>
public sealed class DataBlocks : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Replace;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<Renderer>()) html.ObjectRenderers.Insert(0, new Renderer());
    }

    private static void Replace(MarkdownDocument document)
    {
        foreach (var fenced in document.Descendants<FencedCodeBlock>().ToList())
        {
            if (DataSheet.KindOf(fenced.Info) is not { } kind || fenced.Parent is not { } parent) continue;
            var lines = fenced.Lines.Lines.Take(fenced.Lines.Count).Select(l => l.Slice.ToString()).ToList();
            var at = parent.IndexOf(fenced);
            parent.RemoveAt(at);
            parent.Insert(at, new DataBlock(kind, fenced.Info!.Trim(), lines) { Span = fenced.Span, Line = fenced.Line, Column = fenced.Column });
        }
    }

    /// <summary>
    /// Draws every data block of a parsed body. A block that cannot be read is its text in a code block; in the
    /// newsroom's preview a notice above it says what is wrong. Returns the figures by slot, for <see cref="Fill"/>.
    /// </summary>
    public static Dictionary<string, string> Prepare(MarkdownDocument document, DataBlockText text, bool preview)
    {
        var figures = new Dictionary<string, string>();
        foreach (var block in document.Descendants<DataBlock>())
        {
            string html;
            try
            {
                var sheet = DataSheet.Read(block.Kind, block.Source, text);
                html = sheet.Problems.Count == 0 ? DataFigure.Render(sheet, text) : AsTyped(block, preview ? text.Notice(sheet.Problems[0]) : null);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or OverflowException or IndexOutOfRangeException)
            {
                // A shape of figures the drawing did not foresee: the reader still gets the numbers as typed.
                html = AsTyped(block, preview ? text.Notice(text.AllZero) : null);
            }
            block.Slot = "data-block-" + Guid.NewGuid().ToString("N");
            figures[block.Slot] = html;
        }
        return figures;
    }

    public static string Fill(string sanitized, Dictionary<string, string> figures)
    {
        foreach (var (slot, html) in figures) sanitized = sanitized.Replace($"<p>{slot}</p>", html, StringComparison.Ordinal);
        return sanitized;
    }

    private static string AsTyped(DataBlock block, string? notice) =>
        (notice is null ? "" : $"<p class=\"data-notice\">{WebUtility.HtmlEncode(notice)}</p>") +
        $"<pre><code class=\"language-{WebUtility.HtmlEncode(block.Info)}\">{WebUtility.HtmlEncode(string.Join("\n", block.Source))}\n</code></pre>\n";

    public sealed class DataBlock(DataBlockKind kind, string info, IReadOnlyList<string> source) : LeafBlock(null)
    {
        public DataBlockKind Kind { get; } = kind;
        public string Info { get; } = info;
        public IReadOnlyList<string> Source { get; } = source;
        public string? Slot { get; set; }
    }

    private sealed class Renderer : HtmlObjectRenderer<DataBlock>
    {
        protected override void Write(HtmlRenderer renderer, DataBlock block)
        {
            renderer.EnsureLine();
            if (block.Slot is { } slot) renderer.Write("<p>").Write(slot).WriteLine("</p>");
            else renderer.Write("<pre><code>").WriteEscape(string.Join("\n", block.Source)).WriteLine("</code></pre>");
        }
    }
}
