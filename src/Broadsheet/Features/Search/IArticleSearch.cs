namespace Broadsheet.Features.Search;

/// <summary>
/// Finds articles by words in any grammatical form. Two implementations are meant to exist:
/// the Lucene index in the data folder (the embedded default) and PostgreSQL full-text search
/// (for several web nodes); both take the same query and answer ranked hits with snippets.
/// </summary>
public interface IArticleSearch
{
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct = default);
}
