using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Broadsheet.Features.Search;

/// <summary>
/// The published documents of each index segment as a bit set, read once per segment and kept while the segment
/// lives. As a bit set the scorers skip unpublished documents as they go; as a query (the status term) every search
/// leap-frogged between the words' matches and the postings of nearly the whole archive, most of a search's time at
/// a million articles. Deleted documents are left out through the segment's live documents at each search.
/// </summary>
internal sealed class PublishedDocuments : Filter
{
    public static readonly PublishedDocuments Only = new();

    private readonly ConditionalWeakTable<object, FixedBitSet> segments = new();
    private readonly ConditionalWeakTable<object, StrongBox<long>> latest = new();

    private PublishedDocuments() { }

    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        var reader = context.AtomicReader;
        return BitsFilteredDocIdSet.Wrap(Of(reader), acceptDocs);
    }

    /// <summary>A segment's published documents, deleted ones included (a search leaves those out by the live documents).</summary>
    public static FixedBitSet Of(AtomicReader reader) => Only.segments.GetValue(reader.CoreCacheKey, _ => Read(reader));

    /// <summary>
    /// The latest time of a segment's published documents (ticks): a search need not look for scheduled articles
    /// to leave out (<see cref="ArticleQuery.NotYet"/>) in a segment whose articles are all out by now.
    /// </summary>
    public static long Latest(AtomicReader reader) => Only.latest.GetValue(reader.CoreCacheKey, _ =>
    {
        var times = reader.GetNumericDocValues(ArticleDocument.Time);
        var published = Of(reader);
        var newest = long.MinValue;
        if (times is not null)
            for (var doc = published.NextSetBit(0); doc >= 0; doc = doc + 1 < published.Length ? published.NextSetBit(doc + 1) : -1)
                newest = Math.Max(newest, times.Get(doc));
        return new StrongBox<long>(newest);
    }).Value;

    private static FixedBitSet Read(AtomicReader reader)
    {
        var published = new FixedBitSet(reader.MaxDoc);
        var docs = reader.GetTermDocsEnum(new Term(ArticleDocument.Status, ArticleDocument.Visible));
        if (docs is null) return published;
        for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc()) published.Set(doc);
        return published;
    }
}
