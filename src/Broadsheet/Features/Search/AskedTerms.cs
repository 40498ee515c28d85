using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Broadsheet.Features.Search;

/// <summary>
/// The terms of one search, each looked up once in the searcher's segments (<see cref="TermLookups"/>): in how many
/// articles it is, and where its postings are for the scorers and for <see cref="WordMatches"/>.
/// </summary>
public sealed class AskedTerms(IndexReader reader, TermLookups lookups)
{
    private readonly Dictionary<Term, TermContext> known = [];

    public IndexReader Reader => reader;

    public TermContext this[Term term]
    {
        get
        {
            if (!known.TryGetValue(term, out var states)) known[term] = states = lookups.For(reader.Context, term);
            return states;
        }
    }

    public int Articles(Term term) => this[term].DocFreq;

    /// <summary><paramref name="query"/> with each of its term queries carrying its states, so that its scorers look nothing up.</summary>
    public Query Bound(Query query) => query switch
    {
        TermQuery t => new TermQuery(t.Term, this[t.Term]) { Boost = t.Boost },
        BooleanQuery b => Bound(b),
        // Phrases and ranges look their terms up themselves.
        _ => query,
    };

    private BooleanQuery Bound(BooleanQuery query)
    {
        var bound = new BooleanQuery(query.CoordDisabled) { Boost = query.Boost, MinimumNumberShouldMatch = query.MinimumNumberShouldMatch };
        foreach (var clause in query.Clauses) bound.Add(Bound(clause.Query), clause.Occur);
        return bound;
    }
}
