using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Broadsheet.Features.Search;

/// <summary>
/// Which articles a common word is in, as a bit set per index segment, kept while the segment lives. A word in an
/// eighth of a million articles or more has postings of 125,000 documents and up, and a search read them whole
/// wherever the word was asked, twice (the Russian and the English field), even to find that no article has it
/// together with the other words: such searches were the slowest at a million (60–100 ms). A bit set costs about what
/// those postings do in memory, and saying whether an article has the word is then one bit. Sets are kept up to
/// <see cref="Budget"/> bytes over the live segments; past that, a set is read for the search and dropped.
/// </summary>
public sealed class CommonWords(long budget = CommonWords.DefaultBudget)
{
    /// <summary>512 common words' sets at a million articles (125 KB each).</summary>
    public const long DefaultBudget = 64L << 20;

    /// <summary>A word is common when it is in at least one article in this many.</summary>
    public const int Share = 8;

    public static readonly CommonWords Default = new();

    public long Budget => budget;

    private readonly ConditionalWeakTable<object, ConcurrentDictionary<Term, FixedBitSet>> segments = new();
    private readonly Lock gate = new();
    private long kept;

    public static bool IsCommon(int articles, int archive) => articles > 0 && articles >= archive / Share;

    /// <summary>
    /// Sets the bits of the articles of <paramref name="segment"/> that have <paramref name="term"/>, from the set kept
    /// for it when <paramref name="common"/> (in the whole archive), else from its postings.
    /// </summary>
    public void AddTo(FixedBitSet docs, AtomicReaderContext segment, Term term, TermContext states, bool common)
    {
        if (!common)
        {
            Read(segment, term, states, docs);
            return;
        }
        var reader = segment.AtomicReader;
        var words = segments.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<Term, FixedBitSet>());
        if (words.TryGetValue(term, out var known))
        {
            docs.Or(known);
            return;
        }
        var set = new FixedBitSet(reader.MaxDoc);
        Read(segment, term, states, set);
        docs.Or(set);
        var size = Bytes(set);
        lock (gate)
        {
            // The running total is not told when a merge retires a segment: recount the live ones before refusing.
            if (kept + size > budget) kept = Recount(segment);
            if (kept + size <= budget && words.TryAdd(term, set)) kept += size;
        }
    }

    private long Recount(AtomicReaderContext segment)
    {
        var top = ReaderUtil.GetTopLevelContext(segment);
        long sum = 0;
        foreach (var leaf in top.Leaves)
            if (segments.TryGetValue(leaf.AtomicReader.CoreCacheKey, out var words))
                sum += words.Values.Sum(Bytes);
        return sum;
    }

    private static long Bytes(FixedBitSet set) => set.GetBits().Length * 8L;

    private static void Read(AtomicReaderContext segment, Term term, TermContext states, FixedBitSet into)
    {
        var postings = TermLookups.Postings(segment, term, states);
        if (postings is null) return;
        for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc()) into.Set(doc);
    }
}
