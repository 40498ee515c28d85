using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Broadsheet.Features.Search;

/// <summary>
/// Turns a reader's words into a Lucene query without Lucene's query syntax: each word is
/// analysed as Russian and as English, and every word must be found in one form or the other.
/// A word that either language counts as a stop word is dropped, so «в» or "the" neither
/// narrows nor fails a query.
/// </summary>
public static class ArticleQuery
{
    private const float TitleBoost = 2.5f;

    /// <summary>Null when nothing searchable is left of the text.</summary>
    public static Query? Words(SearchText text)
    {
        var query = new BooleanQuery();
        foreach (var word in text.Words)
        {
            var ru = NewsAnalyzer.Russian.Terms(ArticleDocument.TextRu, word);
            var en = NewsAnalyzer.English.Terms(ArticleDocument.TextEn, word);
            if (ru.Count == 0 || en.Count == 0) continue;
            var anyForm = new BooleanQuery();
            foreach (var (term, _) in ru)
            {
                anyForm.Add(Term(ArticleDocument.TextRu, term, 1f), Occur.SHOULD);
                anyForm.Add(Term(ArticleDocument.TitleRu, term, TitleBoost), Occur.SHOULD);
            }
            foreach (var (term, _) in en)
            {
                anyForm.Add(Term(ArticleDocument.TextEn, term, 1f), Occur.SHOULD);
                anyForm.Add(Term(ArticleDocument.TitleEn, term, TitleBoost), Occur.SHOULD);
            }
            query.Add(anyForm, Occur.MUST);
        }
        foreach (var phrase in text.Phrases)
        {
            var joined = string.Join(' ', phrase);
            var anyForm = new BooleanQuery();
            AddPhrase(anyForm, NewsAnalyzer.Russian, ArticleDocument.TextRu, ArticleDocument.TitleRu, joined);
            AddPhrase(anyForm, NewsAnalyzer.English, ArticleDocument.TextEn, ArticleDocument.TitleEn, joined);
            if (anyForm.Clauses.Count > 0) query.Add(anyForm, Occur.MUST);
        }
        return query.Clauses.Count > 0 ? query : null;
    }

    /// <summary>
    /// The reader's or the desk's own filters (state, rubric, author, dates), which a result must satisfy whatever
    /// its score; null when there are none. Visibility is apart: <see cref="PublishedDocuments"/> and <see cref="NotYet"/>.
    /// </summary>
    public static Query? Filters(SearchQuery q)
    {
        var filter = new BooleanQuery();
        if (q.Status is { } status) filter.Add(new TermQuery(new Term(ArticleDocument.Status, status.ToString())), Occur.MUST);
        if (q.RubricSlug is { } rubric) filter.Add(new TermQuery(new Term(ArticleDocument.Rubric, rubric)), Occur.MUST);
        if (q.AuthorSlug is { } author) filter.Add(new TermQuery(new Term(ArticleDocument.Author, author)), Occur.MUST);
        if (q.FromUtc is not null || q.ToUtc is not null)
            filter.Add(NumericRangeQuery.NewInt64Range(ArticleDocument.Published, q.FromUtc?.Ticks, q.ToUtc?.Ticks, true, false), Occur.MUST);
        return filter.Clauses.Count > 0 ? filter : null;
    }

    /// <summary>
    /// Articles whose time is still to come, which a reader must not find: "not after now" rather than "up to now",
    /// because the range of the few scheduled articles is a handful of terms, while the range of everything
    /// published was a bit set of the whole archive built for every search (p50 at a million 11.9 → 3.9 ms,
    /// `Broadsheet.Bench search-index`). A published article always has its time (<c>ArticleWorkflow.Publish</c>).
    /// </summary>
    public static Query NotYet(DateTime now) => NumericRangeQuery.NewInt64Range(ArticleDocument.Published, now.Ticks, null, false, true);

    private static void AddPhrase(BooleanQuery into, NewsAnalyzer analyzer, string textField, string titleField, string phrase)
    {
        var terms = analyzer.Terms(textField, phrase);
        if (terms.Count == 0) return;
        into.Add(Phrase(textField, terms, 1f), Occur.SHOULD);
        into.Add(Phrase(titleField, terms, TitleBoost), Occur.SHOULD);
    }

    private static PhraseQuery Phrase(string field, List<(string Term, int Position)> terms, float boost)
    {
        var phrase = new PhraseQuery { Boost = boost };
        foreach (var (term, position) in terms) phrase.Add(new Term(field, term), position);
        return phrase;
    }

    private static TermQuery Term(string field, string term, float boost) => new(new Term(field, term)) { Boost = boost };
}
