using Broadsheet.Features.Articles;
using Broadsheet.Infrastructure.Search;

namespace Broadsheet.Features.Search;

public static class SearchSetup
{
    /// <summary>The Lucene index in the data folder; PostgreSQL full-text search is to take its place on scale-out.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services) =>
        services.AddSingleton(sp => new ArticleIndex(
                sp.GetRequiredService<Infrastructure.BroadsheetOptions>(), sp.GetRequiredService<ILogger<ArticleIndex>>()))
            .AddSingleton<IArticleSearch, LuceneArticleSearch>()
            .AddSingleton<SearchIndexer>()
            .AddHostedService(sp => sp.GetRequiredService<SearchIndexer>())
            .AddSingleton<IArticleObserver>(sp => sp.GetRequiredService<SearchIndexer>());
}
