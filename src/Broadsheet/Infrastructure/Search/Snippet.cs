using System.Net;
using Broadsheet.Features.Articles;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace Broadsheet.Infrastructure.Search;

/// <summary>
/// The passage of an article that shows why it was found: its text HTML-escaped, the matched
/// words in &lt;mark&gt;. Without a match in the text (a title-only hit, a filter-only search) it is the lead.
/// </summary>
public static class Snippet
{
    private const int FragmentLength = 180;
    private const int MaxCharsToAnalyze = 20_000;

    /// <summary>The headline, whole, with its matched words marked.</summary>
    public static string Title(Query words, string title, string language) =>
        Highlight(words, title, language, whole: true) ?? WebUtility.HtmlEncode(title);

    public static string For(Query words, string text, string lead, string language) =>
        Highlight(words, text, language, whole: false) ?? WebUtility.HtmlEncode(Teaser.Shorten(lead));

    private static string? Highlight(Query words, string text, string language, bool whole)
    {
        var (first, second) = language == "ru"
            ? ((NewsAnalyzer.Russian, ArticleDocument.TextRu), (NewsAnalyzer.English, ArticleDocument.TextEn))
            : ((NewsAnalyzer.English, ArticleDocument.TextEn), (NewsAnalyzer.Russian, ArticleDocument.TextRu));
        return Highlight(words, text, first.Item1, first.Item2, whole) ?? Highlight(words, text, second.Item1, second.Item2, whole);
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
