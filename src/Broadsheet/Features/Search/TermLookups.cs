using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Broadsheet.Features.Search;

/// <summary>
/// Where a word's postings start in each index segment and how many articles have it there, kept while the segment
/// lives, so a word asked again is not looked up again. A look-up reads and decodes a block of a segment's terms
/// dictionary (0.25 ms and 130 KB of garbage for a word over the sixteen segments of a million articles), and a
/// search asked for each of its terms several times over: to choose how to search, and again for every scorer.
/// At a million that was most of an ordinary search's time. The states are the segments' own (immutable, as the
/// segments are); after <see cref="Capacity"/> words the memo starts again, so no run of odd queries makes it grow.
/// </summary>
public sealed class TermLookups(int capacity = TermLookups.DefaultCapacity)
{
    /// <summary>About 25 MB over sixteen segments (some 160 bytes a term and segment).</summary>
    public const int DefaultCapacity = 10_000;

    public static readonly TermLookups Default = new();

    public int Capacity => capacity;

    private sealed record Found(TermState? State, int Articles, long Occurrences);

    private ConditionalWeakTable<object, ConcurrentDictionary<Term, Found>> segments = new();
    private int held;

    /// <summary>The term's states in the segments of <paramref name="top"/>, for a <see cref="TermQuery"/> and for reading postings.</summary>
    public TermContext For(IndexReaderContext top, Term term)
    {
        var context = new TermContext(top);
        var known = segments;
        foreach (var leaf in top.Leaves)
        {
            var words = known.GetValue(leaf.AtomicReader.CoreCacheKey, _ => new ConcurrentDictionary<Term, Found>());
            if (!words.TryGetValue(term, out var found))
            {
                found = Look(leaf.AtomicReader, term);
                if (words.TryAdd(term, found) && Interlocked.Increment(ref held) > capacity * top.Leaves.Count)
                {
                    segments = new();
                    Interlocked.Exchange(ref held, 0);
                }
            }
            if (found.State is not null) context.Register(found.State, leaf.Ord, found.Articles, found.Occurrences);
        }
        return context;
    }

    /// <summary>The term's documents in one segment, or null when it has none there.</summary>
    public static DocsEnum? Postings(AtomicReaderContext leaf, Term term, TermContext states)
    {
        if (states.Get(leaf.Ord) is not { } state) return null;
        var terms = leaf.AtomicReader.GetTerms(term.Field)!.GetEnumerator();
        terms.SeekExact(term.Bytes, state);
        return terms.Docs(null, null, DocsFlags.NONE);
    }

    private static Found Look(AtomicReader reader, Term term)
    {
        var terms = reader.GetTerms(term.Field)?.GetEnumerator();
        if (terms is null || !terms.SeekExact(term.Bytes)) return new Found(null, 0, 0);
        return new Found(terms.GetTermState(), terms.DocFreq, terms.TotalTermFreq);
    }
}
