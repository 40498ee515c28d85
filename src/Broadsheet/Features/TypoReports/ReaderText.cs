using AngleSharp.Html.Parser;
using Broadsheet.Features.Articles;

namespace Broadsheet.Features.TypoReports;

/// <summary>
/// An article's text as readers see it, region by region (headline, lead, cover caption, body with
/// its captions): the textContent of what the page renders, with every run of whitespace made one
/// space and the ends trimmed. typo.js normalises in exactly the same way, with the same character
/// class, so a fragment and its context can be compared as plain strings.
/// </summary>
public static class ReaderText
{
    /// <summary>JavaScript's \s, spelled out as typo.js spells it; not char.IsWhiteSpace, which differs on U+0085 and U+FEFF.</summary>
    public static bool IsWhitespace(char c) =>
        c is '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00a0' or '\u1680' or (>= '\u2000' and <= '\u200a')
            or '\u2028' or '\u2029' or '\u202f' or '\u205f' or '\u3000' or '\ufeff';

    /// <summary>Every run of whitespace one space, no whitespace at either end.</summary>
    public static string Normalise(string? text)
    {
        var result = new System.Text.StringBuilder((text ?? "").Length);
        var pending = false;
        foreach (var c in text ?? "")
        {
            if (IsWhitespace(c)) { pending = true; continue; }
            if (pending && result.Length > 0) result.Append(' ');
            pending = false;
            result.Append(c);
        }
        return result.ToString();
    }

    /// <summary>The regions a reader can select text in, in page order; a report's context never crosses from one to another.</summary>
    public static IEnumerable<string> Regions(Article article)
    {
        yield return Normalise(article.Title);
        yield return Normalise(article.Lead);
        if (article.CoverImage is not null) yield return Normalise(article.CoverCaption);
        yield return BodyText(article.BodyHtml);
    }

    public static string BodyText(string bodyHtml)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body><div>" + bodyHtml + "</div></body></html>");
        // A data block's figures and an embed's box are not prose: no typo is fixed in them (SourceText reads neither).
        foreach (var figure in document.QuerySelectorAll("figure.data, figure.embed").ToList()) figure.Remove();
        return Normalise(document.Body?.TextContent);
    }

    /// <summary>Whether the fragment with its context occurs in one of the article's regions.</summary>
    public static bool Contains(Article article, string before, string fragment, string after)
    {
        var quote = before + fragment + after;
        return Regions(article).Any(region => region.Contains(quote, StringComparison.Ordinal));
    }
}
