using Broadsheet.Infrastructure.Redis;
using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace Broadsheet.Infrastructure.Caching;

/// <summary>
/// Every node keeps its pages in its own memory, which is what makes a cached page cheap; what
/// must be shared is the order to forget them. With Redis the order goes out on a channel and
/// every node, this one included, acts on it within a moment; without Redis it stays local.
/// </summary>
public sealed class CacheEviction(IOutputCacheStore store, ListingMemo memo, ArticleMemo articles, IEnumerable<ICachedCopy> copies, RedisLink redis, ILogger<CacheEviction> log)
    : IHostedService
{
    private RedisChannel Channel => redis.Channel("evict");

    /// <summary>The tag that stands for "the site settings changed".</summary>
    public const string SettingsTag = "settings";

    /// <summary>
    /// Never throws for Redis: the change is committed by now, and failing the request would tell a reader
    /// their comment was not taken when it was. A node that misses the order serves its copies until they
    /// expire by themselves: pages within 45 s (feeds 5 min), memos within a minute, settings within their own maximum age (SiteSettingsStore.MaxAge).
    /// </summary>
    public async Task EvictAsync(CancellationToken ct, params string[] tags)
    {
        await EvictHereAsync(tags, ct);
        if (redis.Connection is not { } connection) return;
        try { await connection.GetSubscriber().PublishAsync(Channel, $"{redis.NodeId}|{string.Join(',', tags)}"); }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.LogWarning(e, "Could not tell the other nodes to evict {Tags}; their copies expire by themselves", string.Join(',', tags));
        }
    }

    public Task SettingsChangedAsync(CancellationToken ct) => EvictAsync(ct, SettingsTag, PageCache.SiteTag);

    private async Task EvictHereAsync(IEnumerable<string> tags, CancellationToken ct)
    {
        foreach (var tag in tags)
        {
            if (tag == SettingsTag)
            {
                foreach (var copy in copies.Where(c => c.Tag == tag)) copy.Forget();
            }
            else await EvictPagesAsync(tag, ct);
            if (PageCache.ArticleIdOf(tag) is { } articleId) articles.Forget(articleId);
            if (tag is PageCache.ListingsTag or PageCache.SiteTag)
            {
                await memo.ForgetAsync(PageCache.ListingsTag, ct);
                articles.ForgetAll();
            }
        }
    }

    /// <summary>Pages kept in Redis (PagesInRedis) cannot be evicted while it is away; they expire by themselves.</summary>
    private async Task EvictPagesAsync(string tag, CancellationToken ct)
    {
        try { await store.EvictByTagAsync(tag, ct); }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.LogWarning(e, "Could not evict cached pages tagged {Tag}; they expire by themselves", tag);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (redis.Connection is not { } connection) return;
        await connection.GetSubscriber().SubscribeAsync(Channel, (channel, message) =>
        {
            var text = (string?)message ?? "";
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar < 0 || text[..bar] == redis.NodeId) return;
            var tags = text[(bar + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries);
            _ = EvictHereAsync(tags, CancellationToken.None).ContinueWith(
                t => log.LogWarning(t.Exception, "Could not evict {Tags} on request of another node", text),
                TaskContinuationOptions.OnlyOnFaulted);
        });
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        redis.Connection?.GetSubscriber().UnsubscribeAsync(Channel) ?? Task.CompletedTask;
}
