using Broadsheet.Infrastructure.Caching;

namespace Broadsheet.Features.Articles;

/// <summary>A changed article leaves its own page and every listing that may show it, on every node.</summary>
public sealed class PageCacheEviction(CacheEviction eviction) : IArticleObserver
{
    public Task ArticleChangedAsync(int articleId, CancellationToken ct) =>
        eviction.EvictAsync(ct, PageCache.ArticleTag(articleId), PageCache.ListingsTag);
}
