using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Broadsheet.Features.Articles;
using Markdig.Extensions.SmartyPants;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Broadsheet.Features.TypoReports;

/// <summary>
/// The text readers see, each character marked with where it came from in the source: its span,
/// the piece of formatting it sits in, and the token it belongs to (a curly quote made from a straight
/// one, an entity, a code span are tokens of their own and can only be replaced whole).
/// </summary>
public sealed class SourceText
{
    /// <summary>Start and End (exclusive) in the source; -1 for text the renderer adds between blocks.</summary>
    public readonly record struct Mark(int Start, int End, object? Container, int Token)
    {
        public bool HasSource => Start >= 0;
    }

    private static readonly Dictionary<SmartyPantType, string> Smarty =
        new SmartyPantOptions().Mapping.ToDictionary(p => p.Key, p => WebUtility.HtmlDecode(p.Value));

    private readonly StringBuilder text = new();
    private readonly List<Mark> marks = [];
    private int tokens;

    public string Text { get; private set; } = "";
    public IReadOnlyList<Mark> Marks => marks;

    /// <summary>A plain field (headline, lead, caption): every character is its own.</summary>
    public static SourceText FromPlain(string source)
    {
        var result = new SourceText();
        for (var i = 0; i < source.Length; i++) result.Add(source[i], new Mark(i, i + 1, null, result.tokens++));
        return result.Normalised();
    }

    public static SourceText FromMarkdown(string source)
    {
        var result = new SourceText();
        foreach (var block in ArticleBody.Parse(source)) result.Walk(block, source);
        return result.Normalised();
    }

    private void Walk(Block block, string source)
    {
        switch (block)
        {
            case CodeBlock code:
                Token(string.Join("\n", code.Lines.Lines.Take(code.Lines.Count).Select(l => l.Slice.ToString())), code.Span, null);
                break;
            case HtmlBlock html:
                var raw = string.Join("\n", html.Lines.Lines.Take(html.Lines.Count).Select(l => l.Slice.ToString()));
                Token(new HtmlParser().ParseFragment(raw, null!).Select(n => n.TextContent).Aggregate("", string.Concat), html.Span, null);
                break;
            case LeafBlock { Inline: { } inlines }:
                Walk(inlines, source);
                break;
            case ContainerBlock container:
                foreach (var child in container) Walk(child, source);
                break;
        }
        Separator();
    }

    private void Walk(ContainerInline container, string source)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    var content = literal.Content.ToString();
                    var span = literal.Span;
                    if (span.Start >= 0 && span.Length == content.Length && span.End < source.Length
                        && source.AsSpan(span.Start, span.Length).SequenceEqual(content))
                    {
                        for (var i = 0; i < content.Length; i++) Add(content[i], new Mark(span.Start + i, span.Start + i + 1, container, tokens++));
                    }
                    else Token(content, span, container);
                    break;
                case SmartyPant pant:
                    Token(Smarty.GetValueOrDefault(pant.Type, pant.ToString() ?? ""), pant.Span, container);
                    break;
                case HtmlEntityInline entity:
                    Token(entity.Transcoded.ToString(), entity.Span, container);
                    break;
                case CodeInline code:
                    Token(code.Content, code.Span, container);
                    break;
                case AutolinkInline link:
                    Token(link.Url, link.Span, container);
                    break;
                case LineBreakInline lineBreak:
                    Token("\n", lineBreak.Span, container);
                    break;
                case LinkInline { IsImage: true }:
                    break; // an image shows no text; its alt text is not what readers select
                case ContainerInline inner:
                    Walk(inner, source);
                    break;
            }
        }
    }

    private void Token(string value, SourceSpan span, object? container)
    {
        var token = tokens++;
        var mark = span.Start >= 0 && span.End >= span.Start ? new Mark(span.Start, span.End + 1, container, token) : new Mark(-1, -1, container, token);
        foreach (var c in value) Add(c, mark);
    }

    private void Separator() => Add('\n', new Mark(-1, -1, null, tokens++));

    private void Add(char c, Mark mark)
    {
        text.Append(c);
        marks.Add(mark);
    }

    /// <summary>Whitespace collapsed and trimmed as <see cref="ReaderText.Normalise"/> does; a collapsed run keeps its first character's mark.</summary>
    private SourceText Normalised()
    {
        var result = new SourceText();
        var raw = text.ToString();
        int? pending = null;
        for (var i = 0; i < raw.Length; i++)
        {
            if (ReaderText.IsWhitespace(raw[i])) { pending ??= i; continue; }
            if (pending is { } space && result.text.Length > 0) result.Add(' ', marks[space]);
            pending = null;
            result.Add(raw[i], marks[i]);
        }
        result.Text = result.text.ToString();
        return result;
    }
}
