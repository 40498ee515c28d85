namespace Broadsheet.Features.Articles;

public static class ArticlesSetup
{
    public static IServiceCollection AddArticles(this IServiceCollection services) =>
        services.AddSingleton<ArticleBody>()
            .AddSingleton<ArticleChanges>()
            .AddHostedService(sp => sp.GetRequiredService<ArticleChanges>())
            .AddScoped<History.ArticleHistory>()
            .AddSingleton<IArticleObserver, PageCacheEviction>()
            .AddSingleton<BreakingNewsStore>()
            .AddSingleton<Infrastructure.Caching.ICachedCopy>(sp => sp.GetRequiredService<BreakingNewsStore>());
}
