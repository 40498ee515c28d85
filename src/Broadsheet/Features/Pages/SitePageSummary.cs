using Broadsheet.Features.Articles;
using Markdig.Syntax;

namespace Broadsheet.Features.Pages;

/// <summary>A page's description for search engines and link previews: its first paragraph, as plain text, cut at a word.</summary>
public static class SitePageSummary
{
    private const int MaxLength = 200;

    public static string? Of(string markdown)
    {
        var paragraph = ArticleBody.Parse(markdown).Descendants<ParagraphBlock>().FirstOrDefault();
        if (paragraph?.Inline is null) return null;
        var text = string.Concat(paragraph.Inline.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString())).Trim();
        if (text.Length <= MaxLength) return text.Length == 0 ? null : text;
        var cut = text.LastIndexOf(' ', MaxLength);
        return text[..(cut > 0 ? cut : MaxLength)] + "…";
    }
}
