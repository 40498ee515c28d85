namespace Broadsheet.Features.Articles;

public static class VisibleArticles
{
    /// <summary>What a reader may see: published, and not scheduled for later.</summary>
    public static IQueryable<Article> VisibleAt(this IQueryable<Article> articles, DateTime utcNow) =>
        articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= utcNow);
}
