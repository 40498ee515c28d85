using Broadsheet.Features.Articles;

namespace Broadsheet.Infrastructure.Caching;

/// <summary>A changed article leaves its own page and every listing that may show it, on every node.</summary>
public sealed class PageCacheEviction(CacheEviction eviction) : IArticleObserver
{
    public Task ArticleChangedAsync(int articleId, CancellationToken ct) =>
        eviction.EvictAsync(ct, PageCache.ArticleTag(articleId), PageCache.ListingsTag);
}
