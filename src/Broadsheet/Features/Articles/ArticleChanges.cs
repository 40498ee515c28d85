namespace Broadsheet.Features.Articles;

/// <summary>Something that must follow an article's content: the page cache, the search index, channel posting.</summary>
public interface IArticleObserver
{
    /// <summary>Called after the change is committed; the article may now be published, edited, unpublished or gone.</summary>
    Task ArticleChangedAsync(int articleId, CancellationToken ct);

    /// <summary>
    /// True for an observer that keeps a copy of its own on every web node (a node's search index),
    /// which must hear of changes made through other nodes too. Observers whose work is shared
    /// (the cache eviction broadcast, a channel post) hear only the node where the change was made.
    /// </summary>
    bool FollowsEveryNode => false;
}

/// <summary>
/// The newsroom announces every committed change to an article here, and each observer
/// brings its own copy up to date. One observer's failure does not stop the others.
/// </summary>
public sealed class ArticleChanges(IEnumerable<IArticleObserver> observers, Infrastructure.Redis.RedisLink redis, ILogger<ArticleChanges> log)
    : IHostedService
{
    private StackExchange.Redis.RedisChannel Channel => redis.Channel("article-changed");

    public async Task AnnounceAsync(int articleId, CancellationToken ct = default)
    {
        await NotifyAsync(articleId, everyObserver: true, ct);
        if (redis.Connection is { } connection)
        {
            try { await connection.GetSubscriber().PublishAsync(Channel, $"{redis.NodeId}|{articleId}"); }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                log.LogWarning(e, "Could not tell the other nodes that article {ArticleId} changed", articleId);
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (redis.Connection is not { } connection) return;
        await connection.GetSubscriber().SubscribeAsync(Channel, (channel, message) =>
        {
            var text = (string?)message ?? "";
            var bar = text.LastIndexOf('|');
            if (bar < 0 || text[..bar] == redis.NodeId || !int.TryParse(text[(bar + 1)..], out var articleId)) return;
            _ = NotifyAsync(articleId, everyObserver: false, CancellationToken.None);
        });
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        redis.Connection?.GetSubscriber().UnsubscribeAsync(Channel) ?? Task.CompletedTask;

    private async Task NotifyAsync(int articleId, bool everyObserver, CancellationToken ct)
    {
        foreach (var observer in observers)
        {
            if (!everyObserver && !observer.FollowsEveryNode) continue;
            try { await observer.ArticleChangedAsync(articleId, ct); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "{Observer} failed to follow article {ArticleId}", observer.GetType().Name, articleId);
            }
        }
    }
}
