using System.Globalization;
using Broadsheet.Features.Articles;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Broadsheet.Features.Search;

/// <summary>
/// Search over the Lucene index. Relevance is Lucene's score times a freshness factor: the best
/// <see cref="RerankWindow"/> matches are re-ranked so that, of two equally good answers, the
/// newer one comes first — a news site's reader asking about "elections" means the latest ones.
/// In a large archive a query with common words has its matches found and counted first (<see cref="WordMatches"/>),
/// and many matches are scored in the newest slice (<see cref="NewestSlice"/>); every term of a search is looked up
/// once (<see cref="AskedTerms"/>).
/// </summary>
public sealed class LuceneArticleSearch(
    ArticleIndex index, TimeProvider clock, NewestSlice? newest = null, CommonWords? commonWords = null, TermLookups? termLookups = null) : IArticleSearch
{
    public const int RerankWindow = 1000;

    private static readonly Sort ByTime = new(new SortField(ArticleDocument.Time, SortFieldType.INT64, reverse: true));

    private readonly NewestSlice slice = newest ?? NewestSlice.Default;
    private readonly CommonWords common = commonWords ?? CommonWords.Default;
    private readonly TermLookups lookups = termLookups ?? TermLookups.Default;

    private static readonly SearchResults NothingFound = new([], 0, false);

    /// <summary>An article this many days old keeps three quarters of its score; a very old one, half.</summary>
    private const double FreshnessHalfLifeDays = 30;

    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct = default) =>
        Task.FromResult(Search(query));

    public SearchResults Search(SearchQuery query)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var text = SearchText.Parse(query.Text);
        var words = ArticleQuery.Words(text);
        if (words is null && !query.HasFilters) return text.IsEmpty ? SearchResults.Unasked : NothingFound;

        var filters = ArticleQuery.Filters(query);
        var wanted = Math.Max(query.Skip + query.Take, 1);
        var byDate = query.Order == SearchOrder.Date || words is null;

        return index.Search(searcher =>
        {
            var reader = searcher.IndexReader;
            var asked = new AskedTerms(reader, lookups);
            (ScoreDoc[] Docs, int Total)? found = null;
            var estimated = false;
            // A large archive and common words: the matches first, from the words' documents (see WordMatches).
            if (!query.IncludeUnpublished && words is not null && slice.IsLarge(reader)
                && WordMatches.Find(asked, words, filters, now, common, slice.CommonWord) is { } matches)
            {
                found = AmongMatches(searcher, asked, matches, byDate ? new MatchAllDocsQuery() : WordMatches.Scoring(words, asked), byDate ? null : words, now, byDate, wanted);
            }
            // The newest slice first (see NewestSlice); the whole archive only when the slice cannot fill the page asked for.
            else if (!query.IncludeUnpublished && slice.Fits(asked, words))
            {
                var candidates = slice.Candidates(asked, now, byDate || words is null ? [] : NewestSlice.TitleTerms(words));
                var top = Collector(byDate, wanted);
                var counter = slice.Count(top, reader, now);
                searcher.Search(Visible(asked, words, filters, candidates, query.IncludeUnpublished, now), counter);
                var docs = top.GetTopDocs();
                if (docs.TotalHits >= wanted)
                {
                    found = (docs.ScoreDocs, counter.Estimate(docs.TotalHits));
                    estimated = true;
                }
            }
            if (found is null)
            {
                var top = Collector(byDate, wanted);
                searcher.Search(Visible(asked, words, filters, null, query.IncludeUnpublished, now), top);
                var docs = top.GetTopDocs();
                found = (docs.ScoreDocs, docs.TotalHits);
            }
            var (ranked, total) = found.Value;
            if (!byDate) ranked = ByFreshness(reader, ranked, now);

            var hits = new List<SearchHit>(query.Take);
            foreach (var scoreDoc in ranked.Skip(query.Skip).Take(query.Take))
                hits.Add(Hit(searcher.Doc(scoreDoc.Doc), words, text));
            return new SearchResults(hits, total, false) { Estimated = estimated };
        });
    }

    /// <summary>The words' matches a reader may see (or, for the newsroom, every state), among <paramref name="candidates"/> if given.</summary>
    private static Query Visible(AskedTerms asked, Query? words, Query? filters, Filter? candidates, bool includeUnpublished, DateTime now)
    {
        Query visible = words is null ? new MatchAllDocsQuery() : asked.Bound(words);
        // The future is left out by the query (it changes every instant), the unpublished by a bit set (it does not).
        if (!includeUnpublished) visible = new BooleanQuery { { visible, Occur.MUST }, { ArticleQuery.NotYet(now), Occur.MUST_NOT } };
        // The slice's candidates are few of the query's matches: they lead, and the words' scorers skip to them.
        if (candidates is not null) visible = new FilteredQuery(visible, candidates, FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY);
        else if (!includeUnpublished) visible = new FilteredQuery(visible, PublishedDocuments.Only);
        return filters is null ? visible : new FilteredQuery(visible, new QueryWrapperFilter(filters));
    }

    /// <summary>
    /// The matches, ranked by <paramref name="scoring"/>; many of them in the newest slice first (see
    /// <see cref="NewestSlice"/>: headlines with <paramref name="titlesOf"/>'s words are kept however old), but counted exactly.
    /// </summary>
    private (ScoreDoc[] Docs, int Total) AmongMatches(
        IndexSearcher searcher, AskedTerms asked, WordMatches matches, Query scoring, Query? titlesOf, DateTime now, bool byDate, int wanted)
    {
        var total = (int)Math.Min(int.MaxValue, matches.Count);
        if (total == 0) return ([], 0);
        // The matches lead and the scorers skip to them.
        Query Among(Filter docs) => new FilteredQuery(scoring, docs, FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY);
        if (total >= slice.CommonWord)
        {
            var candidates = slice.Candidates(asked, now, titlesOf is null ? [] : NewestSlice.TitleTerms(titlesOf));
            var newest = Collector(byDate, wanted);
            searcher.Search(Among(matches.Within(candidates)), newest);
            var docs = newest.GetTopDocs();
            if (docs.TotalHits >= wanted) return (docs.ScoreDocs, total);
        }
        var all = Collector(byDate, wanted);
        searcher.Search(Among(matches), all);
        return (all.GetTopDocs().ScoreDocs, total);
    }

    /// <summary>Newest first, or the best <see cref="RerankWindow"/> by Lucene's score for <see cref="ByFreshness"/> to re-rank.</summary>
    private static ITopDocsCollector Collector(bool byDate, int wanted) => byDate
        ? TopFieldCollector.Create(ByTime, wanted, fillFields: true, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: false)
        : TopScoreDocCollector.Create(Math.Max(wanted, RerankWindow), docsScoredInOrder: false);

    private static ScoreDoc[] ByFreshness(IndexReader reader, ScoreDoc[] docs, DateTime now)
    {
        var times = MultiDocValues.GetNumericValues(reader, ArticleDocument.Time);
        if (times is null) return docs;
        var scored = new (ScoreDoc Doc, double Score)[docs.Length];
        for (var i = 0; i < docs.Length; i++)
        {
            var ageDays = Math.Max(0, (now.Ticks - times.Get(docs[i].Doc)) / (double)TimeSpan.TicksPerDay);
            scored[i] = (docs[i], docs[i].Score * (0.5 + 0.5 * Math.Pow(2, -ageDays / FreshnessHalfLifeDays)));
        }
        return [.. scored.OrderByDescending(s => s.Score).ThenByDescending(s => s.Doc.Doc).Select(s => s.Doc)];
    }

    private static SearchHit Hit(Lucene.Net.Documents.Document doc, Query? words, SearchText text)
    {
        var lead = doc.Get(ArticleDocument.StoredLead, CultureInfo.InvariantCulture) ?? "";
        var title = doc.Get(ArticleDocument.StoredTitle, CultureInfo.InvariantCulture) ?? "";
        var language = doc.Get(ArticleDocument.StoredLanguage, CultureInfo.InvariantCulture) ?? "en";
        var (titleHtml, snippet) = words is null
            ? (System.Net.WebUtility.HtmlEncode(title), System.Net.WebUtility.HtmlEncode(Teaser.Shorten(lead)))
            : (Snippet.Title(words, title, Snippet.Languages(text, language)),
                Snippet.For(words, doc.Get(ArticleDocument.StoredText, CultureInfo.InvariantCulture) ?? "", lead, Snippet.Languages(text, language)));
        var published = doc.GetField(ArticleDocument.Published)?.GetInt64Value();
        return new SearchHit(
            int.Parse(doc.Get(ArticleDocument.Id, CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture),
            title,
            doc.Get(ArticleDocument.StoredSlug, CultureInfo.InvariantCulture) ?? "",
            Enum.TryParse<ArticleStatus>(doc.Get(ArticleDocument.Status, CultureInfo.InvariantCulture), out var status) ? status : ArticleStatus.Draft,
            published is { } ticks ? new DateTime(ticks, DateTimeKind.Utc) : null,
            doc.Get(ArticleDocument.StoredRubricName, CultureInfo.InvariantCulture),
            doc.Get(ArticleDocument.StoredRubricSlug, CultureInfo.InvariantCulture),
            titleHtml,
            snippet);
    }
}
