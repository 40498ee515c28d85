using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Broadsheet.Features.Search;

/// <summary>
/// What a search of a large archive scores when its words are common: the newest <see cref="Size"/> published
/// articles, and of the older ones only those with a query word in the title. A word like "city" matches a quarter
/// of a million-article archive in four fields, and Lucene 4.8 scores every match (it has no WAND or block-max), so
/// such a query cost 132 ms at p99. Beyond the slice's age (half a year at 300 articles a day) the freshness factor
/// has already halved every score, so an old article reaches the first page only by a much better match, which for a
/// news reader means the headline: those are kept, however old. What is lost is the old article that only says the
/// word often in its text. In date order nothing is lost: the newest matches are all in the slice when it holds a page.
/// Words' matches are counted beforehand (<see cref="WordMatches"/>); a phrase's count is an estimate, from the
/// slice's share of the archive (<see cref="SearchResults.Estimated"/>).
/// </summary>
public sealed class NewestSlice(int size = NewestSlice.DefaultSize, int commonWord = NewestSlice.DefaultCommonWord)
{
    public const int DefaultSize = 50_000;

    /// <summary>Below this many matches of the query's rarest word scoring everything is quick (a few ms at a million).</summary>
    public const int DefaultCommonWord = 20_000;

    public static readonly NewestSlice Default = new();

    public int Size => size;

    /// <summary>See <see cref="DefaultCommonWord"/>.</summary>
    public int CommonWord => commonWord;

    // The slice's first instant, worked out once a day from the whole index (a sort of a million times, ≈ 0.1 s).
    private (DateOnly Day, long Cutoff)? cutoff;
    private readonly Lock gate = new();
    private readonly ConditionalWeakTable<object, Recent> segments = new();

    /// <summary>The published articles of a segment from the cut-off on, with how many there are.</summary>
    private sealed record Recent(long Cutoff, FixedBitSet Docs, int Count);

    /// <summary>Whether a query is worth searching in the slice first: a big archive and common words.</summary>
    public bool Fits(AskedTerms asked, Query? words) =>
        IsLarge(asked.Reader) && (words is null || Matches(asked, words) >= commonWord);

    /// <summary>An archive the slice is a small part of.</summary>
    public bool IsLarge(IndexReader reader) => reader.NumDocs > 2 * size;

    /// <summary>
    /// An upper estimate of the query's matches: every word must be found, so its rarest word bounds them, and a
    /// word's matches are at least its most frequent form's.
    /// </summary>
    private static long Matches(AskedTerms asked, Query words)
    {
        if (words is not BooleanQuery all) return long.MaxValue;
        var fewest = long.MaxValue;
        foreach (var clause in all.Clauses)
        {
            if (clause.Occur != Occur.MUST || clause.Query is not BooleanQuery anyForm) continue;
            long most = 0;
            foreach (var form in anyForm.Clauses)
            {
                most = Math.Max(most, form.Query switch
                {
                    TermQuery t => asked.Articles(t.Term),
                    PhraseQuery p => p.GetTerms().Select(t => (long)asked.Articles(t)).DefaultIfEmpty(0).Min(),
                    _ => 0,
                });
            }
            fewest = Math.Min(fewest, most);
        }
        return fewest;
    }

    /// <summary>The documents to score: the slice and, when <paramref name="titles"/>, any published article with one of their terms.</summary>
    public CandidateFilter Candidates(AskedTerms asked, DateTime now, IReadOnlyList<Term> titles) =>
        // A headline word in more headlines than a tenth of the slice has plenty of them in the slice too, and an old
        // one at half its score does not pass those: only rarer headline words bring old articles in (the bench's
        // archive, 200 template headlines copied a million times, made a quarter of a million candidates of "city").
        new CandidateFilter(this, Cutoff(asked.Reader, now), [.. titles.Where(t => asked.Articles(t) <= size / 10).Select(t => (t, asked[t]))]);

    /// <summary>
    /// Counts the matches that fall in the slice as <paramref name="inner"/> collects every candidate, so the whole
    /// archive's count can be estimated from the slice's share.
    /// </summary>
    public SliceCounter Count(ICollector inner, IndexReader reader, DateTime now) => new(this, inner, Cutoff(reader, now));

    /// <summary>The title terms of a query (the words in their title forms, phrases' words too).</summary>
    public static List<Term> TitleTerms(Query words)
    {
        var terms = new List<Term>();
        void Walk(Query q)
        {
            switch (q)
            {
                case BooleanQuery b: foreach (var c in b.Clauses) if (c.Occur != Occur.MUST_NOT) Walk(c.Query); break;
                case TermQuery t when IsTitle(t.Term.Field): terms.Add(t.Term); break;
                case PhraseQuery p: terms.AddRange(p.GetTerms().Where(t => IsTitle(t.Field))); break;
            }
        }
        Walk(words);
        return terms;
    }

    private static bool IsTitle(string field) => field is ArticleDocument.TitleRu or ArticleDocument.TitleEn;

    private long Cutoff(IndexReader reader, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        lock (gate)
        {
            if (cutoff is { } known && known.Day == today) return known.Cutoff;
            var times = new List<long>(reader.NumDocs);
            foreach (var leaf in reader.Leaves)
            {
                var values = leaf.AtomicReader.GetNumericDocValues(ArticleDocument.Time);
                if (values is null) continue;
                var published = PublishedDocuments.Of(leaf.AtomicReader);
                var live = leaf.AtomicReader.LiveDocs;
                for (var doc = published.NextSetBit(0); doc >= 0; doc = doc + 1 < published.Length ? published.NextSetBit(doc + 1) : -1)
                    if (live is null || live.Get(doc)) times.Add(values.Get(doc));
            }
            times.Sort();
            var value = times.Count > size ? times[^size] : long.MinValue;
            cutoff = (today, value);
            return value;
        }
    }

    private Recent Of(AtomicReader reader, long from)
    {
        if (segments.TryGetValue(reader.CoreCacheKey, out var known) && known.Cutoff == from) return known;
        var docs = new FixedBitSet(reader.MaxDoc);
        var values = reader.GetNumericDocValues(ArticleDocument.Time);
        var published = PublishedDocuments.Of(reader);
        if (values is not null)
            for (var doc = published.NextSetBit(0); doc >= 0; doc = doc + 1 < published.Length ? published.NextSetBit(doc + 1) : -1)
                if (values.Get(doc) >= from) docs.Set(doc);
        var recent = new Recent(from, docs, docs.Cardinality);
        segments.AddOrUpdate(reader.CoreCacheKey, recent);
        return recent;
    }

    /// <summary>See <see cref="Candidates"/>.</summary>
    public sealed class CandidateFilter(NewestSlice slice, long from, IReadOnlyList<(Term Term, TermContext States)> titles) : Filter
    {
        public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs) =>
            BitsFilteredDocIdSet.Wrap(Docs(context), acceptDocs);

        /// <summary>A segment's candidates, deleted documents included; not to be changed (it may be the slice's own set).</summary>
        public FixedBitSet Docs(AtomicReaderContext segment)
        {
            var reader = segment.AtomicReader;
            var recent = slice.Of(reader, from).Docs;
            if (titles.Count == 0) return recent;
            var docs = recent.Clone();
            var published = PublishedDocuments.Of(reader);
            foreach (var (term, states) in titles)
            {
                var postings = TermLookups.Postings(segment, term, states);
                if (postings is null) continue;
                for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
                    if (published.Get(doc)) docs.Set(doc);
            }
            return docs;
        }
    }

    /// <summary>See <see cref="Count"/>.</summary>
    public sealed class SliceCounter(NewestSlice slice, ICollector inner, long from) : ICollector
    {
        private FixedBitSet current = new(0);

        public long InSlice { get; private set; }

        /// <summary>Published articles in the slice, over the segments searched.</summary>
        public long SliceSize { get; private set; }

        /// <summary>Published articles in the segments searched.</summary>
        public long Published { get; private set; }

        public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

        public void Collect(int doc)
        {
            if (current.Get(doc)) InSlice++;
            inner.Collect(doc);
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            var recent = slice.Of(context.AtomicReader, from);
            current = recent.Docs;
            SliceSize += recent.Count;
            Published += PublishedDocuments.Of(context.AtomicReader).Cardinality;
            inner.SetNextReader(context);
        }

        public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

        /// <summary>The whole archive's matches, from the slice's share, to two significant figures.</summary>
        public int Estimate(int candidates)
        {
            var estimate = SliceSize == 0 ? candidates : Math.Max(candidates, InSlice * (double)Published / SliceSize);
            if (estimate < 100) return (int)estimate;
            var unit = Math.Pow(10, Math.Floor(Math.Log10(estimate)) - 1);
            return (int)Math.Min(int.MaxValue, Math.Round(estimate / unit) * unit);
        }
    }
}
