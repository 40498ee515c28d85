namespace Broadsheet.Features.Articles;

public static class ArticlesSetup
{
    public static IServiceCollection AddArticles(this IServiceCollection services) =>
        services.AddSingleton<ArticleBody>();
}
