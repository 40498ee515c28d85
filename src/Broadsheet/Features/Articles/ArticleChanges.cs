namespace Broadsheet.Features.Articles;

/// <summary>Something that must follow an article's content: the page cache, the search index, channel posting.</summary>
public interface IArticleObserver
{
    /// <summary>Called after the change is committed; the article may now be published, edited, unpublished or gone.</summary>
    Task ArticleChangedAsync(int articleId, CancellationToken ct);
}

/// <summary>
/// The newsroom announces every committed change to an article here, and each observer
/// brings its own copy up to date. One observer's failure does not stop the others.
/// </summary>
public sealed class ArticleChanges(IEnumerable<IArticleObserver> observers, ILogger<ArticleChanges> log)
{
    public async Task AnnounceAsync(int articleId, CancellationToken ct = default)
    {
        foreach (var observer in observers)
        {
            try { await observer.ArticleChangedAsync(articleId, ct); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "{Observer} failed to follow article {ArticleId}", observer.GetType().Name, articleId);
            }
        }
    }
}
