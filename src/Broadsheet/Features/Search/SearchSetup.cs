using Broadsheet.Features.Articles;
using Broadsheet.Infrastructure;

namespace Broadsheet.Features.Search;

public static class SearchSetup
{
    /// <summary>
    /// On PostgreSQL, its full-text search over the articles table, which every node shares and the
    /// database keeps up to date; otherwise the Lucene index in the data folder and the indexer that follows the content.
    /// </summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, BroadsheetOptions options, bool forCommand = false)
    {
        // Spelling suggestions come from the published words whichever engine searches.
        services.AddSingleton<SiteWords>().AddSingleton<IArticleObserver>(sp => sp.GetRequiredService<SiteWords>());
        return options.OnPostgres
            ? services.AddSingleton<IArticleSearch, PostgresArticleSearch>()
            : services.AddSingleton(forCommand ? IndexStorage.Streamed : IndexStorage.Files)
                .AddSingleton(sp => new ArticleIndex(sp.GetRequiredService<BroadsheetOptions>(), sp.GetRequiredService<IndexStorage>(), sp.GetRequiredService<ILogger<ArticleIndex>>()))
                .AddSingleton<IArticleSearch, LuceneArticleSearch>()
                .AddSingleton<SearchIndexer>()
                .AddHostedService(sp => sp.GetRequiredService<SearchIndexer>())
                .AddSingleton<IArticleObserver>(sp => sp.GetRequiredService<SearchIndexer>());
    }
}
