using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Broadsheet.Features.Search;

/// <summary>
/// The visible articles that have every word of a query, found from the words' documents alone, without scoring,
/// when one of the words is common (<see cref="CommonWords"/>) or every word is in many articles. The count is then
/// exact, a query whose common words no article has together says so at once (the slowest searches at a million were
/// these), and scoring visits the matches only, with the common words scored in headlines only (<see cref="Scoring"/>).
/// </summary>
public sealed class WordMatches : Filter
{
    private readonly Dictionary<AtomicReaderContext, FixedBitSet> segments;

    private WordMatches(Dictionary<AtomicReaderContext, FixedBitSet> segments)
    {
        this.segments = segments;
        Count = segments.Values.Sum(docs => (long)docs.Cardinality);
    }

    public long Count { get; }

    /// <summary>
    /// Null when <paramref name="words"/> has no common word and its rarest is in fewer than <paramref name="atLeast"/>
    /// articles (the scorers, led by it, are quick then), or when it has a phrase (where its words stand matters,
    /// which a bit set does not hold). A rare word with a common one is not quick: at each of the rare word's
    /// articles the common word's scorer decodes a block of its postings.
    /// </summary>
    public static WordMatches? Find(AskedTerms asked, Query words, Query? filters, DateTime now, CommonWords common, int atLeast)
    {
        var reader = asked.Reader;
        var forms = Forms(words);
        if (forms is null || forms.Count == 0) return null;
        var each = forms.Select(f => (Forms: f, Common: IsCommon(asked, f), Articles: f.Sum(t => (long)asked.Articles(t)))).ToList();
        if (!each.Any(w => w.Common) && forms.Min(f => f.Max(t => (long?)asked.Articles(t)) ?? 0) < atLeast) return null;
        // The rarest word first: once a segment has no match left, the other words are not read there.
        each.Sort((a, b) => a.Articles.CompareTo(b.Articles));
        var notYet = new QueryWrapperFilter(ArticleQuery.NotYet(now));
        var wanted = filters is null ? null : new QueryWrapperFilter(filters);

        var segments = new Dictionary<AtomicReaderContext, FixedBitSet>();
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var docs = PublishedDocuments.Of(segment).Clone();
            var word = new FixedBitSet(segment.MaxDoc);
            foreach (var (terms, isCommon, _) in each)
            {
                word.Clear(0, word.Length);
                foreach (var term in terms) common.AddTo(word, leaf, term, asked[term], isCommon);
                docs.And(word);
                if (docs.Cardinality == 0) break;
            }
            if (docs.Cardinality > 0 && PublishedDocuments.Latest(segment) > now.Ticks && notYet.GetDocIdSet(leaf, null)?.GetIterator() is { } future)
                docs.AndNot(future);
            if (wanted is not null)
            {
                if (wanted.GetDocIdSet(leaf, null)?.GetIterator() is { } kept) docs.And(kept);
                else docs.Clear(0, docs.Length);
            }
            if (segment.LiveDocs is { } live)
                for (var doc = docs.NextSetBit(0); doc >= 0; doc = doc + 1 < docs.Length ? docs.NextSetBit(doc + 1) : -1)
                    if (!live.Get(doc)) docs.Clear(doc);
            segments[leaf] = docs;
        }
        return new WordMatches(segments);
    }

    /// <summary>Those of the matches that are also <paramref name="candidates"/> (the newest slice, see <see cref="NewestSlice"/>).</summary>
    public WordMatches Within(NewestSlice.CandidateFilter candidates)
    {
        var narrowed = new Dictionary<AtomicReaderContext, FixedBitSet>(segments.Count);
        foreach (var (segment, docs) in segments)
        {
            var both = docs.Clone();
            both.And(candidates.Docs(segment));
            narrowed[segment] = both;
        }
        return new WordMatches(narrowed);
    }

    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits acceptDocs) =>
        segments.TryGetValue(context, out var docs) ? BitsFilteredDocIdSet.Wrap(docs, acceptDocs) : null;

    /// <summary>
    /// <paramref name="words"/> as scored among their matches: a common word only where it is in the headline, which
    /// still says what an article is about. In the text, where it is in an eighth of the archive or more, its score
    /// is the lowest of any word's and reading its postings was most of a search's time. An article with nothing
    /// scored but common words in its text ranks by freshness alone. For a query <see cref="Find"/> took (words, no phrase).
    /// </summary>
    public static Query Scoring(Query words, AskedTerms asked)
    {
        var scored = new BooleanQuery();
        foreach (var clause in ((BooleanQuery)words).Clauses)
        {
            var anyForm = (BooleanQuery)clause.Query;
            var forms = anyForm.Clauses.Select(c => ((TermQuery)c.Query).Term).Where(IsText);
            if (!IsCommon(asked, forms))
            {
                scored.Add(asked.Bound(anyForm), Occur.MUST);
                continue;
            }
            foreach (var form in anyForm.Clauses)
                if (!IsText(((TermQuery)form.Query).Term)) scored.Add(asked.Bound(form.Query), Occur.SHOULD);
        }
        if (!scored.Clauses.Any(c => c.Occur == Occur.MUST)) scored.Add(new MatchAllDocsQuery(), Occur.MUST);
        return scored;
    }

    /// <summary>Each word's terms in the text fields, which hold the headline too (<see cref="ArticleDocument.From"/>); null for a phrase.</summary>
    private static List<List<Term>>? Forms(Query words)
    {
        if (words is not BooleanQuery all) return null;
        var asked = new List<List<Term>>();
        foreach (var clause in all.Clauses)
        {
            if (clause.Occur != Occur.MUST || clause.Query is not BooleanQuery anyForm) return null;
            var forms = new List<Term>();
            foreach (var form in anyForm.Clauses)
            {
                if (form.Query is not TermQuery term) return null;
                if (IsText(term.Term)) forms.Add(term.Term);
            }
            asked.Add(forms);
        }
        return asked;
    }

    private static bool IsText(Term term) => term.Field is ArticleDocument.TextRu or ArticleDocument.TextEn;

    private static bool IsCommon(AskedTerms asked, IEnumerable<Term> forms) =>
        forms.Any(t => CommonWords.IsCommon(asked.Articles(t), asked.Reader.MaxDoc));
}
