using System.Net;
using Broadsheet.Features.Articles;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace Broadsheet.Features.Search;

/// <summary>
/// The passage of an article that shows why it was found: its text HTML-escaped, the matched
/// words in &lt;mark&gt;. Without a match in the text (a title-only hit, a filter-only search) it is the lead.
/// </summary>
public static class Snippet
{
    private const int FragmentLength = 180;
    // A match deeper than this into a long article is not worth the time; the lead stands in for it.
    private const int MaxCharsToAnalyze = 6_000;

    /// <summary>The headline, whole, with its matched words marked.</summary>
    public static string Title(Query words, string title, IReadOnlyList<string> languages) =>
        Highlight(words, title, languages, whole: true) ?? WebUtility.HtmlEncode(title);

    public static string For(Query words, string text, string lead, IReadOnlyList<string> languages) =>
        Highlight(words, text, languages, whole: false) ?? WebUtility.HtmlEncode(Teaser.Shorten(lead));

    /// <summary>
    /// The languages to mark <paramref name="text"/>'s words in, most likely first: only those whose
    /// script the reader typed (an English stemmer finds nothing for Cyrillic words), the article's own first.
    /// Each language costs one more analysis of the text, the dearest step of a search.
    /// </summary>
    public static IReadOnlyList<string> Languages(SearchText text, string articleLanguage)
    {
        var words = text.Words.Concat(text.Phrases.SelectMany(p => p)).ToList();
        var russian = words.Any(w => w.Any(c => c is >= '\u0400' and <= '\u04FF'));
        var english = !russian || words.Any(w => w.Any(char.IsAsciiLetter) || w.All(char.IsDigit));
        return (russian, english) switch
        {
            (true, false) => ["ru"],
            (false, true) => ["en"],
            _ => articleLanguage == "ru" ? ["ru", "en"] : ["en", "ru"],
        };
    }

    private static string? Highlight(Query words, string text, IReadOnlyList<string> languages, bool whole)
    {
        foreach (var language in languages)
        {
            var found = language == "ru"
                ? Highlight(words, text, NewsAnalyzer.Russian, ArticleDocument.TextRu, whole)
                : Highlight(words, text, NewsAnalyzer.English, ArticleDocument.TextEn, whole);
            if (found is not null) return found;
        }
        return null;
    }

    private static string? Highlight(Query words, string text, NewsAnalyzer analyzer, string field, bool whole)
    {
        var scorer = new QueryScorer(words, field);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new MarkupEncoder(), scorer)
        {
            TextFragmenter = whole ? new NullFragmenter() : new SimpleSpanFragmenter(scorer, FragmentLength),
            MaxDocCharsToAnalyze = MaxCharsToAnalyze,
        };
        using var tokens = analyzer.GetTokenStream(field, text);
        var fragments = highlighter.GetBestFragments(tokens, text, 2);
        return fragments.Length == 0 ? null : string.Join(" … ", fragments.Select(f => f.Trim()));
    }

    /// <summary>Escapes only what HTML needs; Lucene's own encoder turns every Cyrillic letter into a numeric entity.</summary>
    private sealed class MarkupEncoder : IEncoder
    {
        public string EncodeText(string originalText) => WebUtility.HtmlEncode(originalText);
    }
}
